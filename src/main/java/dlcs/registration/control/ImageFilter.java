package dlcs.registration.control;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.common.Jsons;
import dlcs.registration.entity.TagList;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Query;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which images a listing shows, as the DLCS's asset query has it: the JSON object {@code q}
 * ({@code space}, {@code string1..3}, {@code number1..3}, {@code tags}) and the shortcut
 * parameters {@code string1..3}, {@code number1..3} and {@code tag}. Strings and numbers match
 * exactly; {@code tags} finds images carrying any one of them. Every condition must hold. A field
 * given both in {@code q} and as its own parameter, an unknown field, or a value of the wrong type
 * is a 400: a filter is never quietly dropped.
 *
 * @param equals fields that must equal a value: space, string1..3 (strings), number1..3 (longs)
 * @param anyTag tags of which an image must carry one; empty for no tag filter
 * @param inQ    the fields that came in {@code q} (the others came as their own parameters)
 */
public record ImageFilter(Map<String, Object> equals, List<String> anyTag, Set<String> inQ) {

    /** The fields {@code q} may hold. */
    public static final List<String> Q_FIELDS = List.of("space", "string1", "string2", "string3", "number1", "number2",
            "number3", "tags");
    /** The parameters that stand for a field of {@code q}; {@code tag} is one of {@code tags}. */
    public static final List<String> SHORTCUTS = List.of("string1", "string2", "string3", "number1", "number2",
            "number3", "tag");
    /** The most tags one query may ask for: each is a LIKE in the SQL. */
    public static final int MAX_TAGS = 20;
    /** The longest {@code q}: every string at its longest, and some. */
    public static final int MAX_Q_LENGTH = 8192;

    public ImageFilter {
        equals = Collections.unmodifiableMap(new LinkedHashMap<>(equals));
        anyTag = List.copyOf(anyTag);
        inQ = Collections.unmodifiableSet(new LinkedHashSet<>(inQ));
    }

    public static ImageFilter none() {
        return new ImageFilter(Map.of(), List.of(), Set.of());
    }

    /** The filter that {@code q} (null: none) and the shortcut parameters (absent: not given) ask for. */
    public static ImageFilter parse(String q, Map<String, String> shortcuts) {
        Map<String, Object> equals = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        Set<String> inQ = new LinkedHashSet<>();
        if (q != null) {
            readQ(q, equals, tags, inQ);
        }
        for (String field : SHORTCUTS) {
            String value = shortcuts.get(field);
            if (value == null) {
                continue;
            }
            String qField = field.equals("tag") ? "tags" : field;
            if (inQ.contains(qField)) {
                throw new InvalidInputException(qField + " is given both in q and as the parameter " + field
                        + "; give it once.");
            }
            if (field.equals("tag")) {
                tags.addAll(MetadataRules.tags("tag", List.of(value)));
            } else if (field.startsWith("number")) {
                equals.put(field, MetadataRules.number(field, value));
            } else {
                equals.put(field, MetadataRules.string(field, value));
            }
        }
        return new ImageFilter(equals, tags, inQ);
    }

    private static void readQ(String q, Map<String, Object> equals, List<String> tags, Set<String> inQ) {
        if (q.length() > MAX_Q_LENGTH) {
            throw new InvalidInputException("q is " + q.length() + " characters long; at most " + MAX_Q_LENGTH
                    + " are allowed.");
        }
        JsonObject json = JsonFields.requireObject(new ByteArrayInputStream(q.getBytes(StandardCharsets.UTF_8)),
                "q (a JSON object such as {\"string1\":\"book-1\",\"number1\":3})");
        for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
            String field = entry.getKey();
            JsonValue value = entry.getValue();
            if (!Q_FIELDS.contains(field)) {
                throw new InvalidInputException("q has no field '" + Identifiers.printable(field) + "'; it may hold "
                        + String.join(", ", Q_FIELDS) + ".");
            }
            if (value == JsonValue.NULL) {
                continue;
            }
            inQ.add(field);
            if (field.equals("tags")) {
                tags.addAll(MetadataRules.tags("tags in q", strings(field, value)));
            } else if (field.equals("space")) {
                equals.put(field, Math.toIntExact(Math.min(Integer.MAX_VALUE, wholeNumber(field, value))));
            } else if (field.startsWith("number")) {
                equals.put(field, wholeNumber(field, value));
            } else if (value instanceof JsonString text) {
                equals.put(field, MetadataRules.string(field, text.getString()));
            } else {
                throw wrongType(field, "a string", value);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("q asks for " + tags.size() + " tags; at most " + MAX_TAGS + " are allowed.");
        }
    }

    private static long wholeNumber(String field, JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                // longValueExact looks at the digits and the exponent before it converts: 1e999999999 is cheap
                return MetadataRules.number(field + " in q", number.longValueExact());
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        throw wrongType(field, "a non-negative whole number", value);
    }

    private static List<String> strings(String field, JsonValue value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString text)) {
                    throw wrongType(field, "an array of strings", value);
                }
                strings.add(text.getString());
            }
            return strings;
        }
        throw wrongType(field, "an array of strings", value);
    }

    private static InvalidInputException wrongType(String field, String expected, JsonValue value) {
        String shown = value.toString();
        return new InvalidInputException(field + " in q must be " + expected + ", not "
                + Identifiers.printable(shown.length() > 80 ? shown.substring(0, 77) + "..." : shown) + ".");
    }

    /** JPQL conditions on the image {@code alias}, each starting with " and ", for {@link #bind}. */
    public String conditions(String alias) {
        StringBuilder where = new StringBuilder();
        for (String field : equals.keySet()) {
            where.append(" and ").append(alias).append('.').append(field).append(" = :q_").append(field);
        }
        if (!anyTag.isEmpty()) {
            where.append(" and (");
            for (int i = 0; i < anyTag.size(); i++) {
                where.append(i == 0 ? "" : " or ").append(alias).append(".tags like :q_tag").append(i)
                        .append(" escape '\\'");
            }
            where.append(')');
        }
        return where.toString();
    }

    /** Binds the parameters of {@link #conditions}. */
    public void bind(Query query) {
        equals.forEach((field, value) -> query.setParameter("q_" + field, value));
        for (int i = 0; i < anyTag.size(); i++) {
            query.setParameter("q_tag" + i, TagList.containing(anyTag.get(i)));
        }
    }

    /** The query parameters that ask for this filter again, as they were given, for paging links. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonObjectBuilder q = Jsons.object();
        equals.forEach((field, value) -> {
            if (!inQ.contains(field)) {
                parameters.put(field, value.toString());
            } else if (value instanceof String text) {
                q.add(field, text);
            } else {
                q.add(field, ((Number) value).longValue());
            }
        });
        if (inQ.contains("tags")) {
            q.add("tags", Jsons.array(anyTag));
        } else if (!anyTag.isEmpty()) {
            parameters.put("tag", anyTag.get(0));
        }
        if (!inQ.isEmpty()) {
            parameters.put("q", q.build().toString());
        }
        return parameters;
    }
}
