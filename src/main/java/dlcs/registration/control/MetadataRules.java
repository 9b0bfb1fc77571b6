package dlcs.registration.control;

import dlcs.common.InvalidInputException;
import java.util.List;

/** Rules for image metadata values, shared by JSON input and query parameters. */
public final class MetadataRules {

    public static final int MAX_STRING = 1000;
    public static final int MAX_TAG = 100;

    private MetadataRules() {
    }

    public static long number(String field, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            return number(field, parsed);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field + " must be a non-negative whole number, not '" + value + "'.");
        }
    }

    public static long number(String field, long value) {
        if (value < 0) {
            throw new InvalidInputException(field + " must be a non-negative whole number, not " + value + ".");
        }
        return value;
    }

    public static String string(String field, String value) {
        if (value != null && value.length() > MAX_STRING) {
            throw new InvalidInputException(field + " is " + value.length() + " characters long; at most "
                    + MAX_STRING + " are allowed.");
        }
        return value;
    }

    public static List<String> tags(String field, List<String> values) {
        for (String tag : values) {
            if (tag.isEmpty() || tag.length() > MAX_TAG || tag.contains(",")) {
                throw new InvalidInputException(field + " entries must be 1 to " + MAX_TAG
                        + " characters with no comma; '" + tag + "' is not.");
            }
        }
        return List.copyOf(values);
    }

    public static int maxUnauthorised(int value) {
        if (value < -1) {
            throw new InvalidInputException("maxUnauthorised must be -1 (open) or a size in pixels, not " + value + ".");
        }
        return value;
    }
}
