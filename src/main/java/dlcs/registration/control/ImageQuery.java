package dlcs.registration.control;

import dlcs.common.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters and order for listing a space's images: {@code string1..3} and {@code number1..3}
 * match exactly, {@code tag} finds images carrying that tag, {@code orderBy} names a field
 * (prefix {@code -} for descending).
 */
public record ImageQuery(Map<String, Object> equals, String tag, String orderBy, boolean descending) {

    public static final Set<String> ORDERABLE = Set.of("id", "created", "finished", "string1", "string2", "string3",
            "number1", "number2", "number3", "width", "height");

    public static ImageQuery parse(Map<String, String> parameters) {
        Map<String, Object> equals = new LinkedHashMap<>();
        for (String field : new String[]{"string1", "string2", "string3"}) {
            String value = parameters.get(field);
            if (value != null) {
                equals.put(field, MetadataRules.string(field, value));
            }
        }
        for (String field : new String[]{"number1", "number2", "number3"}) {
            String value = parameters.get(field);
            if (value != null) {
                equals.put(field, MetadataRules.number(field, value));
            }
        }
        String tag = parameters.get("tag");
        if (tag != null) {
            MetadataRules.tags("tag", List.of(tag));
        }
        String orderBy = parameters.getOrDefault("orderBy", "id");
        boolean descending = orderBy.startsWith("-");
        String field = descending ? orderBy.substring(1) : orderBy;
        if (!ORDERABLE.contains(field)) {
            throw new InvalidInputException("orderBy must be one of " + ORDERABLE + " (with - in front for"
                    + " descending order), not '" + Identifiers.printable(orderBy) + "'.");
        }
        return new ImageQuery(equals, tag, field, descending);
    }

    /** The query string that reproduces these filters, for paging links. */
    public String toQueryString() {
        StringBuilder query = new StringBuilder();
        equals.forEach((field, value) -> append(query, field, value.toString()));
        if (tag != null) {
            append(query, "tag", tag);
        }
        if (!orderBy.equals("id") || descending) {
            append(query, "orderBy", (descending ? "-" : "") + orderBy);
        }
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
}
