package dlcs.namedquery.entity;

import dlcs.common.Text;
import dlcs.common.InvalidInputException;
import dlcs.namedquery.entity.QueryTemplate.Literal;
import dlcs.namedquery.entity.QueryTemplate.Ordering;
import dlcs.namedquery.entity.QueryTemplate.Parameter;
import dlcs.namedquery.entity.QueryTemplate.Value;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the DLCS template syntax: {@code &}-separated {@code key=value} pairs (empty pairs are
 * skipped). Stricter than the DLCS, which skips what it cannot read: every fault is a 400 that
 * names the pair (by its number and text), the key or value, and what is allowed there.
 */
final class TemplateParser {

    static final String EXAMPLE = "space=p1&s1=p2&canvas=n1";
    private static final Pattern PARAMETER = Pattern.compile("p(\\d+)");
    private static final Set<String> ORDER_KEYS = Set.of("canvas", "assetOrder");

    private final String template;
    private final Map<Field, Value> conditions = new EnumMap<>(Field.class);
    private final List<Ordering> ordering = new ArrayList<>();
    private final List<String> defaults = new ArrayList<>();
    private boolean ordered;

    TemplateParser(String template) {
        this.template = template;
    }

    QueryTemplate parse() {
        if (template == null || template.isBlank()) {
            throw new InvalidInputException("A named query needs a \"template\": key=value pairs joined by &, such as "
                    + EXAMPLE + ".");
        }
        if (template.length() > QueryTemplate.MAX_LENGTH) {
            throw new InvalidInputException("The template is " + template.length() + " characters long; at most "
                    + QueryTemplate.MAX_LENGTH + " are allowed.");
        }
        int number = 0;
        for (String pair : template.split("&")) {
            if (!pair.isEmpty()) {
                number++;
                pair(pair, "Pair " + number + " of the template ('" + Text.printable(pair) + "')");
            }
        }
        if (conditions.containsKey(Field.SPACE) && conditions.containsKey(Field.SPACE_NAME)) {
            throw new InvalidInputException("The template gives both space and spacename; give one of them.");
        }
        return new QueryTemplate(conditions, ordering, defaults);
    }

    private void pair(String pair, String where) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
            throw new InvalidInputException(where + " has no '=': write each pair as key=value, such as s1=p2.");
        }
        String key = pair.substring(0, equals);
        String value = pair.substring(equals + 1);
        if (value.indexOf('=') >= 0) {
            throw new InvalidInputException(where + " has more than one '=': write each pair as key=value, and join"
                    + " pairs with &.");
        }
        if (value.isEmpty()) {
            throw new InvalidInputException(where + ": " + (key.isEmpty() ? "the pair" : key) + " has no value.");
        }
        if (key.equals("#")) {
            defaults.add(value);
        } else if (ORDER_KEYS.contains(key)) {
            if (ordered) {
                throw new InvalidInputException(where + ": the order is given twice (canvas and assetOrder are the"
                        + " same key); give it once, with its fields separated by ;.");
            }
            ordered = true;
            ordering(value, where);
        } else {
            Field field = Field.byKey(key).orElseThrow(() -> new InvalidInputException(where + ": '"
                    + Text.printable(key) + "' is not a key this server knows; use " + Field.keys(false)
                    + " to select, canvas (or assetOrder) to order, and # to give a parameter's value."
                    + " (The DLCS's manifest, sequence and PDF keys are not supported.)"));
            if (conditions.containsKey(field)) {
                throw new InvalidInputException(where + ": " + key + " is given twice; give it once.");
            }
            conditions.put(field, value(field, value, where));
        }
    }

    private static Value value(Field field, String value, String where) {
        if (!value.strip().equals(value)) {
            throw new InvalidInputException(where + ": the value of " + field.key() + " starts or ends with a space;"
                    + " remove it.");
        }
        Matcher parameter = PARAMETER.matcher(value);
        if (!parameter.matches()) {
            field.convert(value, where);
            return new Literal(value);
        }
        String digits = parameter.group(1);
        int position = digits.length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (position < 1 || position > QueryTemplate.MAX_PARAMETER) {
            throw new InvalidInputException(where + ": parameters are p1 to p" + QueryTemplate.MAX_PARAMETER
                    + ", counted from 1; '" + value + "' is not one.");
        }
        return new Parameter(position);
    }

    private void ordering(String value, String where) {
        Set<Field> seen = EnumSet.noneOf(Field.class);
        for (String item : value.split(";", -1)) {
            String[] words = item.replace('+', ' ').strip().split(" +");
            Field field = words[0].isEmpty() ? null : Field.byKey(words[0]).filter(Field::orderable).orElse(null);
            if (field == null || words.length > 2) {
                throw new InvalidInputException(where + ": '" + Text.printable(item) + "' is not an order;"
                        + " order by one or more of " + Field.keys(true) + ", separated by ;, each optionally followed"
                        + " by ' asc' or ' desc' (such as canvas=n1;n2 desc).");
            }
            String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new InvalidInputException(where + ": '" + Text.printable(words[1]) + "' is not a"
                        + " direction; use asc or desc after " + field.key() + ".");
            }
            if (!seen.add(field)) {
                throw new InvalidInputException(where + ": the order names " + field.key() + " twice; name it once.");
            }
            ordering.add(new Ordering(field, direction.equals("desc")));
        }
    }
}
