package dlcs.registration.control;

import java.util.List;

/** A space as a client describes it; {@code null} means not given. */
public record SpaceSettings(String name, List<String> defaultTags, List<String> defaultRoles, Integer maxUnauthorised) {

    public List<String> defaultTagsOr(List<String> fallback) {
        return defaultTags != null ? defaultTags : fallback;
    }

    public List<String> defaultRolesOr(List<String> fallback) {
        return defaultRoles != null ? defaultRoles : fallback;
    }

    public int maxUnauthorisedOr(int fallback) {
        return maxUnauthorised != null ? maxUnauthorised : fallback;
    }
}
