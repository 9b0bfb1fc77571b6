package dlcs.namedquery.entity;

import dlcs.common.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A named query's template in the DLCS syntax, parsed once ({@link #parse}): which image fields
 * must equal which values ({@code conditions}), the canvas order ({@code ordering}), and the
 * values written after {@code #=} ({@code defaults}). {@link #bind} turns it, with the
 * parameters of a URL, into the criteria of one selection.
 *
 * <p>Parameters are the URL's path segments after the query's name, followed by the
 * {@code #} values in the order they are written: a {@code #} value fills a position the URL
 * leaves out, as in the DLCS, so {@code s1=p1&#=x} selects string1 {@code x} at {@code /q} and
 * string1 {@code y} at {@code /q/y}.
 */
public record QueryTemplate(Map<Field, Value> conditions, List<Ordering> ordering, List<String> defaults) {

    /** The longest template, in characters (the column that keeps it). */
    public static final int MAX_LENGTH = 2000;
    /** The highest parameter a template may name: {@code p99}. */
    public static final int MAX_PARAMETER = 99;

    private static final Pattern ENCODED_SLASH = Pattern.compile("%2F", Pattern.CASE_INSENSITIVE);

    /** Where a condition's value comes from. */
    public sealed interface Value permits Literal, Parameter {
    }

    /** A value written in the template, taken as it is. */
    public record Literal(String text) implements Value {
    }

    /** {@code pN}: the N-th parameter, counted from 1. */
    public record Parameter(int position) implements Value {
    }

    /** One field of the canvas order. */
    public record Ordering(Field field, boolean descending) {
    }

    public QueryTemplate {
        conditions = inFieldOrder(conditions);
        ordering = List.copyOf(ordering);
        defaults = List.copyOf(defaults);
    }

    /** {@code template} parsed; a malformed one is a 400 that says which pair is wrong and what is allowed. */
    public static QueryTemplate parse(String template) {
        return new TemplateParser(template).parse();
    }

    /** How many parameters the template reads: the highest {@code pN} it names, 0 for none. */
    public int parameters() {
        return conditions.values().stream().mapToInt(value -> value instanceof Parameter p ? p.position() : 0)
                .max().orElse(0);
    }

    /**
     * The criteria of one selection: each condition's value, from the template or from
     * {@code given} (the URL's parameters, in which {@code %2F} stands for {@code /}), checked
     * against its field's rule. Too few or too many parameters, or one that breaks its field's
     * rule, is a 400 that names it.
     */
    public ImageCriteria bind(List<String> given) {
        int needed = parameters();
        if (given.size() > needed) {
            throw new InvalidInputException("This query takes " + (needed == 0 ? "no parameters" : "at most " + needed
                    + " parameter" + (needed == 1 ? "" : "s")) + " after its name; the URL gives " + given.size() + ".");
        }
        List<String> values = new ArrayList<>(given);
        values.addAll(defaults);
        if (values.size() < needed) {
            throw new InvalidInputException("This query needs " + (needed - defaults.size()) + " parameter"
                    + (needed - defaults.size() == 1 ? "" : "s") + " after its name (" + describeParameters()
                    + "); the URL gives " + given.size() + ".");
        }
        Map<Field, Object> equal = new EnumMap<>(Field.class);
        conditions.forEach((field, value) -> {
            if (value instanceof Parameter parameter) {
                String raw = ENCODED_SLASH.matcher(values.get(parameter.position() - 1)).replaceAll("/");
                equal.put(field, field.convert(raw, "Parameter p" + parameter.position() + " (for " + field.key() + ")"));
            } else {
                equal.put(field, field.convert(((Literal) value).text(), "The template's " + field.key()));
            }
        });
        return new ImageCriteria(equal, ordering);
    }

    /** "p1 space, p2 s1": what each parameter is for, in order. */
    private String describeParameters() {
        List<String> parts = new ArrayList<>();
        for (int position = 1; position <= parameters(); position++) {
            int wanted = position;
            String fields = String.join("/", conditions.entrySet().stream()
                    .filter(e -> e.getValue() instanceof Parameter p && p.position() == wanted)
                    .map(e -> e.getKey().key()).sorted().toList());
            parts.add("p" + position + " " + (fields.isEmpty() ? "unused" : fields));
        }
        return String.join(", ", parts);
    }

    /** An unmodifiable copy of {@code byField} that iterates in the order of {@link Field}. */
    static <T> Map<Field, T> inFieldOrder(Map<Field, T> byField) {
        Map<Field, T> copy = new EnumMap<>(Field.class);
        copy.putAll(byField);
        return Collections.unmodifiableMap(copy);
    }
}
