package dlcs.registration.entity;

import java.util.Arrays;
import java.util.List;

/**
 * Tags and roles stored in one column as ",a,b,": a tag filter is then a plain
 * {@code LIKE '%,a,%'}. Tags are validated at the boundary never to contain a comma.
 */
public final class TagList {

    /**
     * Length of the columns that hold a list, in characters: every tag with the comma after it,
     * and the comma in front ({@code ",a,b,"} is 5).
     */
    public static final int STORED_LENGTH = 2000;

    private TagList() {
    }

    public static String join(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return "," + String.join(",", values) + ",";
    }

    public static List<String> split(String stored) {
        if (stored == null || stored.length() < 2) {
            return List.of();
        }
        return Arrays.stream(stored.substring(1, stored.length() - 1).split(","))
                .filter(tag -> !tag.isEmpty())
                .toList();
    }

    /** How many characters {@code values} take {@link #join joined}: 0 for none. */
    public static int storedLength(List<String> values) {
        return values.isEmpty() ? 0 : 1 + values.stream().mapToInt(value -> value.length() + 1).sum();
    }

    /** The LIKE pattern that finds rows holding {@code tag}. */
    public static String containing(String tag) {
        return "%," + tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ",%";
    }
}
