package dlcs.namedquery.entity;

import dlcs.common.Text;
import dlcs.common.InvalidInputException;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The image fields a template selects by, under the DLCS's keys, each with the rule its values
 * follow. The rule is checked twice: on a literal when the template is saved, and on a value
 * from the URL when the query runs, so that neither ever reaches the database malformed.
 */
public enum Field {

    SPACE("space", false),
    SPACE_NAME("spacename", false),
    STRING1("s1", true),
    STRING2("s2", true),
    STRING3("s3", true),
    NUMBER1("n1", true),
    NUMBER2("n2", true),
    NUMBER3("n3", true),
    BATCH("batch", false);

    /** Batch numbers one value may list (comma-separated). */
    public static final int MAX_BATCHES = 100;

    private static final Pattern SPACE_NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

    private final String key;
    private final boolean orderable;

    Field(String key, boolean orderable) {
        this.key = key;
        this.orderable = orderable;
    }

    /** The key as templates write it: {@code s1}, {@code spacename}. */
    public String key() {
        return key;
    }

    /** Whether {@code canvas} may order by it: the strings and numbers, as in the DLCS. */
    public boolean orderable() {
        return orderable;
    }

    public static Optional<Field> byKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }

    public static String keys(boolean orderableOnly) {
        return Arrays.stream(values()).filter(field -> field.orderable || !orderableOnly).map(Field::key)
                .collect(Collectors.joining(", "));
    }

    /**
     * {@code value} as the type the image field has: Integer (space), Long (numbers), String
     * (strings, space name) or a List of Long (batches). {@code where} starts the 400's message.
     */
    public Object convert(String value, String where) {
        return switch (this) {
            case SPACE -> {
                if (!SPACE_NUMBER.matcher(value).matches()) {
                    throw invalid(where, "space must be a space number (1 to 9 digits)", value);
                }
                yield Integer.parseInt(value);
            }
            case SPACE_NAME -> text(value, Space.NAME_LENGTH, where);
            case STRING1, STRING2, STRING3 -> text(value, Image.STRING_LENGTH, where);
            case NUMBER1, NUMBER2, NUMBER3 -> wholeNumber(value, where, key + " must be a non-negative whole number");
            case BATCH -> batches(value, where);
        };
    }

    private String text(String value, int max, String where) {
        if (value.isEmpty() || value.length() > max) {
            throw new InvalidInputException(where + ": " + key + " must be 1 to " + max + " characters; this value has "
                    + value.length() + ".");
        }
        return value;
    }

    private List<Long> batches(String value, String where) {
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_BATCHES) {
            throw new InvalidInputException(where + ": batch lists " + parts.length + " batches; at most "
                    + MAX_BATCHES + " are allowed.");
        }
        List<Long> numbers = new ArrayList<>();
        for (String part : parts) {
            numbers.add(wholeNumber(part, where, "batch must be batch numbers separated by commas (such as 12,15)"));
        }
        return List.copyOf(numbers);
    }

    private static long wholeNumber(String value, String where, String rule) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw invalid(where, rule, value);
        }
        return Long.parseLong(value);
    }

    private static InvalidInputException invalid(String where, String rule, String value) {
        return new InvalidInputException(where + ": " + rule + ", not '" + Text.printable(value) + "'.");
    }
}
