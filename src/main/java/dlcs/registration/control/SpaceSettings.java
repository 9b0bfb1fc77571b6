package dlcs.registration.control;

import dlcs.registration.entity.Space;
import java.util.List;

/**
 * A space as a client describes it; {@code null} means not given. What is given follows the
 * rules (a name that fits its column, tags as images have them) or is a 400 at construction.
 */
public record SpaceSettings(String name, List<String> defaultTags, List<String> defaultRoles, Integer maxUnauthorised) {

    public SpaceSettings {
        MetadataRules.text("name", name, Space.NAME_LENGTH);
        defaultTags = defaultTags == null ? null : MetadataRules.tags("defaultTags", defaultTags);
        defaultRoles = defaultRoles == null ? null : MetadataRules.tags("defaultRoles", defaultRoles);
        if (maxUnauthorised != null) {
            MetadataRules.maxUnauthorised(maxUnauthorised);
        }
    }

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
