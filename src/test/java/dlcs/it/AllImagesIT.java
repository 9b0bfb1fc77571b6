package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.BadInputIT.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding images across a customer (allImages, GET and POST) and the DLCS's q and
 * orderByDescending on a space's listing; unknown query parameters refused everywhere.
 */
class AllImagesIT extends ServerTest {

    /** Registers {@code id} at once in {@code space} with the metadata {@code fields} (a JSON object's inside). */
    static void register(Api api, Tenant tenant, int space, String id, String fields) {
        String url = origin().serveImage("/" + tenant.name() + "/" + space + "/" + id + ".jpg", "image/jpeg",
                Fixtures.jpeg(64, 48));
        String path = "/customers/" + tenant.customer() + "/spaces/" + space + "/images/" + id;
        assertEquals(201, api.put(path, "{\"origin\":\"" + url + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}")
                .getStatus(), id);
    }

    static int newSpace(Api api, Tenant tenant) {
        return json(api.post("/customers/" + tenant.customer() + "/spaces", "{\"name\":\"second\"}")).getInt("id");
    }

    /** {@code json} as a query parameter value. */
    static String q(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> ids(JsonObject collection) {
        return collection.getJsonArray("member").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getInt("space") + "/" + m.getString("id")).toList();
    }

    static String idList(Tenant tenant, String... spaceAndIds) {
        JsonArrayBuilder members = Json.createArrayBuilder();
        for (String id : spaceAndIds) {
            members.add(Json.createObjectBuilder().add("id", id.startsWith("!") ? id.substring(1)
                    : tenant.customer() + "/" + id));
        }
        return Json.createObjectBuilder().add("@type", "Collection").add("member", members).build().toString();
    }

    @Test
    void allImagesListsEverySpaceWithTheSpaceListingsFiltersQAndPaging() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        int first = tenant.space();
        int second = newSpace(api, tenant);
        register(api, tenant, first, "p1", "\"string1\":\"book\",\"number1\":1,\"tags\":[\"red\"]");
        register(api, tenant, first, "p2", "\"string1\":\"book\",\"number1\":2");
        register(api, tenant, second, "p3", "\"string1\":\"book\",\"number1\":3,\"tags\":[\"blue\"]");
        register(api, tenant, second, "loose", "\"string1\":\"other\",\"number1\":9");
        Tenant stranger = Api.admin(base).newTenant();
        register(stranger.api(base), stranger, stranger.space(), "p1", "\"string1\":\"book\"");

        String all = "/customers/" + tenant.customer() + "/allImages";
        JsonObject everything = json(api.get(all));
        assertEquals(4, everything.getInt("totalItems"));
        assertEquals(List.of(second + "/loose", first + "/p1", first + "/p2", second + "/p3"), ids(everything));
        assertEquals(base + all.substring(1), everything.getString("@id"));
        assertEquals(List.of(first + "/p1", first + "/p2", second + "/p3"), ids(json(api.get(all + "?string1=book"))));
        assertEquals(List.of(second + "/p3"), ids(json(api.get(all + "?q=" + q("{\"string1\":\"book\",\"space\":" + second + "}")))));
        assertEquals(List.of(first + "/p1", second + "/p3"), ids(json(api.get(all + "?q=" + q("{\"tags\":[\"red\",\"blue\"]}")))));
        assertEquals(List.of(first + "/p2"), ids(json(api.get(all + "?q=" + q("{\"number1\":2}") + "&string1=book"))));
        assertEquals(List.of(first + "/p1"), ids(json(api.get(all + "?q=" + q("{\"number1\":1}") + "&tag=red"))));

        JsonObject page = json(api.get(all + "?string1=book&orderByDescending=number1&pageSize=2&page=1"));
        assertEquals(3, page.getInt("totalItems"));
        assertEquals(List.of(second + "/p3", first + "/p2"), ids(page));
        String next = page.getJsonObject("view").getString("next");
        assertEquals(List.of(first + "/p1"), ids(json(api.get(next.substring(api.url("").length())))));
        assertEquals(List.of(first + "/p1", first + "/p2", second + "/p3", second + "/loose"),
                ids(json(api.get(all + "?orderBy=number1"))));

        expectError(api.get(all + "?q=" + q("{\"string1\":")), 400, "q");
        expectError(api.get(all + "?q=" + q("{\"manifests\":[\"m\"]}")), 400, "string1, string2");
        expectError(api.get(all + "?orderBy=storageVersion"), 400, "orderBy");
        expectError(api.get(all + "?stirng1=book"), 400, "'stirng1'");
        assertEquals(403, stranger.api(base).get(all).getStatus());
    }

    @Test
    void aSpaceListingHonoursQAndOrderByDescending() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        register(api, tenant, tenant.space(), "a", "\"string2\":\"x\",\"number2\":5,\"tags\":[\"t1\"]");
        register(api, tenant, tenant.space(), "b", "\"string2\":\"x\",\"number2\":7");
        register(api, tenant, tenant.space(), "c", "\"string2\":\"y\",\"number2\":6,\"tags\":[\"t2\"]");
        String images = tenant.spacePath() + "/images";
        assertEquals(List.of("b", "c", "a"), ids(json(api.get(images + "?orderByDescending=number2"))).stream()
                .map(id -> id.substring(id.indexOf('/') + 1)).toList());
        JsonObject filtered = json(api.get(images + "?q=" + q("{\"string2\":\"x\"}") + "&orderByDescending=number2"));
        assertEquals(2, filtered.getInt("totalItems"));
        assertEquals("b", filtered.getJsonArray("member").getJsonObject(0).getString("id"));
        assertTrue(filtered.getJsonObject("view").getString("first").contains("orderByDescending=number2"));
        assertTrue(filtered.getJsonObject("view").getString("first").contains("q="));
        assertEquals(1, json(api.get(images + "?q=" + q("{\"tags\":[\"t2\"],\"number2\":6}"))).getInt("totalItems"));
        assertEquals(0, json(api.get(images + "?q=" + q("{\"space\":" + (tenant.space() + 1) + "}"))).getInt("totalItems"));
        assertEquals(3, json(api.get(images + "?q=" + q("{\"space\":" + tenant.space() + "}"))).getInt("totalItems"));
        expectError(api.get(images + "?q=" + q("{\"colour\":\"red\"}")), 400, "colour");
        expectError(api.get(images + "?q=" + q("{\"string2\":\"x\"}") + "&string2=x"), 400, "once");
        expectError(api.get(images + "?orderBy=number2&orderByDescending=number2"), 400, "not both");
        expectError(api.get(images + "?orderByDescending=secret"), 400, "orderByDescending");
    }

    @Test
    void postingIdsAnswersThoseImagesInOneCollection() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        int second = newSpace(api, tenant);
        register(api, tenant, tenant.space(), "one", "");
        register(api, tenant, second, "two", "\"string3\":\"s\"");
        String all = "/customers/" + tenant.customer() + "/allImages";
        int space = tenant.space();

        JsonObject found = json(api.post(all, idList(tenant, second + "/two", space + "/nothing", space + "/one")));
        assertEquals(2, found.getInt("totalItems"));
        assertEquals(List.of(second + "/two", space + "/one"), ids(found));
        assertEquals("s", found.getJsonArray("member").getJsonObject(0).getString("string3"));
        assertFalse(found.containsKey("view"));

        expectError(api.post(all, idList(tenant, space + "/one", space + "/one")), 400, "more than once");
        expectError(api.post(all, idList(tenant, "!" + (tenant.customer() + 1) + "/" + space + "/one")), 400,
                "not an image of customer " + tenant.customer());
        expectError(api.post(all, idList(tenant, "!one")), 400, "customer/space/id");
        expectError(api.post(all, idList(tenant, space + "/bad id")), 400, "Member 0");
        expectError(api.post(all, idList(tenant)), 400, "empty");
        String[] tooMany = new String[501];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = space + "/i" + i;
        }
        expectError(api.post(all, idList(tenant, tooMany)), 400, "at most 500");
        expectError(api.post(all, "{\"member\":{}}"), 400, "member");
        Tenant stranger = Api.admin(base).newTenant();
        assertEquals(403, stranger.api(base).post(all, idList(tenant, space + "/one")).getStatus());
    }

    @Test
    void unknownQueryParametersAreRefusedOnEveryKindOfResource() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        register(api, tenant, tenant.space(), "kept", "");
        String customer = "/customers/" + tenant.customer();
        JsonObject error = expectError(api.get(customer + "?expand=all"), 400, "'expand'");
        assertTrue(error.getString("detail").contains("takes no query parameters"), error.toString());
        expectError(api.get(tenant.spacePath() + "?x=1"), 400, "'x'");
        JsonObject listing = expectError(api.get(tenant.spacePath() + "/images?pagesize=5"), 400, "'pagesize'");
        assertTrue(listing.getString("detail").contains("pageSize"), listing.toString());
        assertTrue(listing.getString("detail").contains("orderByDescending"), listing.toString());
        expectError(api.delete(tenant.imagePath("kept") + "?force=true"), 400, "'force'");
        assertEquals(200, api.get(tenant.imagePath("kept")).getStatus(), "a refused request changes nothing");
        expectError(api.get(customer + "/queue/batches?status=error"), 400, "page, pageSize");
        expectError(api.get(tenant.spacePath() + "/images?string1=a&string1=b"), 400, "2 times");
        expectError(api.get("/thumbnailPolicies?all=1"), 400, "'all'");
        assertEquals(200, api.get(tenant.spacePath() + "/images?page=1&pageSize=10&string1=a&tag=t&orderBy=id")
                .getStatus());
    }
}
