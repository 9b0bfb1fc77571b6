package dlcs.hydra;

import dlcs.common.InvalidInputException;
import dlcs.common.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** JSON-LD / Hydra shapes shared by every API resource. */
public final class Hydra {

    public static final String CONTEXT = "http://www.w3.org/ns/hydra/context.jsonld";
    public static final String MEDIA_TYPE = "application/ld+json";

    private Hydra() {
    }

    /** A resource: {@code @context}, {@code @id} and {@code @type} already set. */
    public static JsonObjectBuilder resource(String id, String type) {
        return Jsons.object()
                .add("@context", CONTEXT)
                .add("@id", id)
                .add("@type", type);
    }

    /**
     * A page of a collection with its {@code PartialCollectionView}; {@code pageSize} also at the
     * top, where the DLCS puts it.
     */
    public static <T> JsonObject collection(String id, List<T> members, long totalItems, Paging paging,
                                            String extraQuery, Function<T, JsonObject> representation) {
        int last = paging.totalPages(totalItems);
        String query = extraQuery == null || extraQuery.isEmpty() ? "" : "&" + extraQuery;
        JsonObjectBuilder view = Jsons.object()
                .add("@id", pageUrl(id, paging.page(), paging.pageSize(), query))
                .add("@type", "PartialCollectionView")
                .add("first", pageUrl(id, 1, paging.pageSize(), query))
                .add("last", pageUrl(id, last, paging.pageSize(), query))
                .add("page", paging.page())
                .add("pageSize", paging.pageSize())
                .add("totalPages", last);
        if (paging.page() > 1) {
            view.add("previous", pageUrl(id, Math.min(paging.page() - 1, last), paging.pageSize(), query));
        }
        if (paging.page() < last) {
            view.add("next", pageUrl(id, paging.page() + 1, paging.pageSize(), query));
        }
        return resource(id, "Collection")
                .add("totalItems", totalItems)
                .add("pageSize", paging.pageSize())
                .add("member", array(members, representation))
                .add("view", view)
                .build();
    }

    /** A whole collection in one answer, without paging: the images a bulk request named, say. */
    public static <T> JsonObject collection(String id, List<T> members, Function<T, JsonObject> representation) {
        return resource(id, "Collection").add("totalItems", members.size())
                .add("member", array(members, representation)).build();
    }

    private static <T> JsonArrayBuilder array(List<T> members, Function<T, JsonObject> representation) {
        JsonArrayBuilder array = Jsons.array();
        members.forEach(member -> array.add(representation.apply(member)));
        return array;
    }

    /**
     * The {@code member} array of a Hydra Collection a client sent; {@code what} ("A batch") names
     * the body in the 400 that another shape gets.
     */
    public static JsonArray members(JsonObject body, String what) {
        JsonValue type = body.get("@type");
        if (type != null && !(type instanceof JsonString name && (name.getString().equals("Collection")
                || name.getString().equals("hydra:Collection")))) {
            throw new InvalidInputException(what + " must be a Hydra Collection (\"@type\": \"Collection\"), not "
                    + type + ".");
        }
        if (!(body.get("member") instanceof JsonArray array)) {
            throw new InvalidInputException(what + " must be a Hydra Collection with a \"member\" array.");
        }
        return array;
    }

    private static String pageUrl(String id, int page, int pageSize, String query) {
        return id + "?page=" + page + "&pageSize=" + pageSize + query;
    }

    public static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = Jsons.array();
        values.forEach(array::add);
        return array;
    }

    /** Adds {@code name} only when there is a value: absent and null read the same to clients. */
    public static JsonObjectBuilder addIfPresent(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder : builder.add(name, value);
    }

    public static JsonObjectBuilder addIfPresent(JsonObjectBuilder builder, String name, Instant value) {
        return value == null ? builder : builder.add(name, value.toString());
    }

    public static JsonObjectBuilder addIfPresent(JsonObjectBuilder builder, String name, Number value) {
        return value == null ? builder : builder.add(name, value.longValue());
    }

    /**
     * A Hydra {@code Error} that also reads as RFC 9457 problem details, with the DLCS's names for
     * the same two fields ({@code statusCode}, {@code description}), which its clients parse.
     */
    public static JsonObject error(int status, String title, String detail, String instance) {
        JsonObjectBuilder error = Jsons.object()
                .add("@context", CONTEXT)
                .add("@type", "Error")
                .add("status", status)
                .add("statusCode", status)
                .add("title", title)
                .add("detail", detail)
                .add("description", detail);
        if (instance != null) {
            error.add("instance", instance);
        }
        return error.build();
    }
}
