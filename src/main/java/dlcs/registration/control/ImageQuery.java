package dlcs.registration.control;

import dlcs.common.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Filters and order for listing images: the {@link ImageFilter}, and the field named by
 * {@code orderBy} (ascending, or descending with a {@code -} in front) or by
 * {@code orderByDescending}, as in the DLCS. Field names match in any case ({@code Width} is
 * {@code width}). Without either the order is the listing's own: by id for a space and across a
 * customer, by position for a batch.
 *
 * @param orderBy the field to order by, or null for the listing's own order
 */
public record ImageQuery(ImageFilter filter, String orderBy, boolean descending) {

    /** Fields to order by: the API's names, each the entity's field (id is imageId). */
    public static final List<String> ORDERABLE = List.of("id", "space", "created", "queued", "dequeued", "finished",
            "string1", "string2", "string3", "number1", "number2", "number3", "width", "height", "origin", "mediaType",
            "maxUnauthorised");

    /** The query that {@code parameters} (name to value; absent: not given) ask for. */
    public static ImageQuery parse(Map<String, String> parameters) {
        ImageFilter filter = ImageFilter.parse(parameters.get("q"), parameters);
        String ascending = parameters.get("orderBy");
        String descending = parameters.get("orderByDescending");
        if (ascending != null && descending != null) {
            throw new InvalidInputException("Give orderBy or orderByDescending, not both.");
        }
        if (descending != null) {
            return new ImageQuery(filter, field("orderByDescending", descending), true);
        }
        if (ascending != null) {
            boolean minus = ascending.startsWith("-");
            return new ImageQuery(filter, field("orderBy", minus ? ascending.substring(1) : ascending), minus);
        }
        return new ImageQuery(filter, null, false);
    }

    private static String field(String parameter, String given) {
        for (String field : ORDERABLE) {
            if (field.equalsIgnoreCase(given)) {
                return field;
            }
        }
        throw new InvalidInputException(parameter + " must be one of " + String.join(", ", ORDERABLE)
                + (parameter.equals("orderBy") ? " (with - in front for descending order, or use orderByDescending)" : "")
                + ", not '" + Identifiers.printable(given) + "'.");
    }

    /**
     * The JPQL order of images {@code alias}: the field asked for, then {@code otherwise} (a
     * unique order, which alone decides when no field was asked for), so that pages never overlap.
     */
    public String orderClause(String alias, String otherwise) {
        if (orderBy == null) {
            return " order by " + otherwise;
        }
        String field = orderBy.equals("id") ? "imageId" : orderBy;
        return " order by " + alias + "." + field + (descending ? " desc" : "") + ", " + otherwise;
    }

    /** The query string that reproduces this query, for paging links. */
    public String toQueryString() {
        Map<String, String> parameters = new LinkedHashMap<>(filter.parameters());
        if (orderBy != null) {
            parameters.put(descending ? "orderByDescending" : "orderBy", orderBy);
        }
        return parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
