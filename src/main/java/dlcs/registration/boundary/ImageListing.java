package dlcs.registration.boundary;

import dlcs.hydra.Hydra;
import dlcs.hydra.Paging;
import dlcs.registration.control.ImageQuery;
import jakarta.json.JsonObject;
import jakarta.ws.rs.QueryParam;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The query parameters of every listing of images (a space's, a customer's, a batch's): the
 * DLCS's {@code q} and its shortcuts, {@code orderBy} or {@code orderByDescending}, and paging;
 * and the one way such a listing answers. Taken as a {@code @BeanParam}, so that the parameters
 * a listing reads are declared where the unknown-parameter check finds them.
 */
public class ImageListing {

    @QueryParam("q")
    String q;
    @QueryParam("string1")
    String string1;
    @QueryParam("string2")
    String string2;
    @QueryParam("string3")
    String string3;
    @QueryParam("number1")
    String number1;
    @QueryParam("number2")
    String number2;
    @QueryParam("number3")
    String number3;
    @QueryParam("tag")
    String tag;
    @QueryParam("orderBy")
    String orderBy;
    @QueryParam("orderByDescending")
    String orderByDescending;
    @QueryParam("page")
    String page;
    @QueryParam("pageSize")
    String pageSize;

    /** A page of a listing, from its query. */
    @FunctionalInterface
    public interface Pages<T> {
        List<T> find(ImageQuery query, int first, int max);
    }

    /**
     * The page asked for, as a Hydra Collection at {@code id}: {@code pages} finds its members,
     * {@code counter} counts them all, and the paging links repeat {@code extraQuery} (null: none)
     * and the filters.
     */
    public <T> JsonObject collection(String id, String extraQuery, Pages<T> pages, ToLongFunction<ImageQuery> counter,
                                     Function<T, JsonObject> representation) {
        Paging paging = Paging.parse(page, pageSize);
        ImageQuery query = query();
        String links = extraQuery == null || extraQuery.isEmpty() ? query.toQueryString()
                : query.toQueryString().isEmpty() ? extraQuery : extraQuery + "&" + query.toQueryString();
        return Hydra.collection(id, pages.find(query, paging.firstResult(), paging.pageSize()),
                counter.applyAsLong(query), paging, links, representation);
    }

    ImageQuery query() {
        String[] names = {"q", "string1", "string2", "string3", "number1", "number2", "number3", "tag", "orderBy",
                "orderByDescending"};
        String[] values = {q, string1, string2, string3, number1, number2, number3, tag, orderBy, orderByDescending};
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                given.put(names[i], values[i]);
            }
        }
        return ImageQuery.parse(given);
    }
}
