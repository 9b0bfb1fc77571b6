package dlcs.registration.control;

import dlcs.common.InvalidInputException;
import dlcs.origin.control.NetworkRules;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.TagList;
import java.util.List;

/**
 * Rules for the values clients give (image metadata, names), shared by JSON input and query
 * parameters. Each limit is the length of the column that keeps the value, so that whatever
 * passes the rules can be stored: a longer value is a 400 naming the field and its limit.
 */
public final class MetadataRules {

    public static final int MAX_STRING = Image.STRING_LENGTH;
    /**
     * An origin's length is the origin feature's rule (NetworkRules, dlcs.origin.max-length), which
     * every path that stores one passes; this is the column it must fit.
     */
    public static final int MAX_ORIGIN = NetworkRules.MAX_ORIGIN_LENGTH;
    public static final int MAX_TAG = 100;
    public static final int MAX_TAGS_STORED = TagList.STORED_LENGTH;

    private MetadataRules() {
    }

    public static long number(String field, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            return number(field, parsed);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field + " must be a non-negative whole number, not '"
                    + Identifiers.printable(value) + "'.");
        }
    }

    public static long number(String field, long value) {
        if (value < 0) {
            throw new InvalidInputException(field + " must be a non-negative whole number, not " + value + ".");
        }
        return value;
    }

    /** string1, string2 or string3. */
    public static String string(String field, String value) {
        return text(field, value, MAX_STRING);
    }

    /** {@code value} (null: not given) if it has at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field + " is " + value.length() + " characters long; at most "
                    + max + " are allowed.");
        }
        return value;
    }

    /**
     * Tags or roles: each 1 to {@value #MAX_TAG} characters without a comma, and all of them
     * together as stored (each with a comma after it, and one comma in front) at most
     * {@value #MAX_TAGS_STORED} characters.
     */
    public static List<String> tags(String field, List<String> values) {
        for (String tag : values) {
            if (tag.isEmpty() || tag.length() > MAX_TAG || tag.contains(",")) {
                throw new InvalidInputException(field + " entries must be 1 to " + MAX_TAG
                        + " characters with no comma; '" + Identifiers.printable(tag) + "' is not.");
            }
        }
        int stored = TagList.storedLength(values);
        if (stored > MAX_TAGS_STORED) {
            throw new InvalidInputException(field + " take " + stored + " characters together (each entry and a comma"
                    + " after it, and a comma in front); at most " + MAX_TAGS_STORED + " are allowed: give fewer or"
                    + " shorter entries.");
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
