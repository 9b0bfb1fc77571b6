package dlcs.it;

import static dlcs.it.AllImagesIT.idList;
import static dlcs.it.AllImagesIT.ids;
import static dlcs.it.AllImagesIT.newSpace;
import static dlcs.it.AllImagesIT.q;
import static dlcs.it.AllImagesIT.register;
import static dlcs.it.Api.json;
import static dlcs.it.BadInputIT.expectError;
import static dlcs.it.Batches.awaitFinished;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting and changing many images at once, and a batch's images as full Image resources. */
class BulkChangesIT extends ServerTest {

    @Test
    void deleteImagesDeletesRowsAndDerivativesAsSingleDeletesDo() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        int second = newSpace(api, tenant);
        int space = tenant.space();
        register(api, tenant, space, "gone1", "");
        register(api, tenant, second, "gone2", "");
        register(api, tenant, space, "stays", "");
        assertEquals(1, Storage.versions(tenant, "gone1").size());
        assertEquals(200, api.get(tenant.servicePath("gone1") + "/info.json").getStatus());
        String delete = "/customers/" + tenant.customer() + "/deleteImages";
        String storage = "/customers/" + tenant.customer() + "/storage";
        JsonObject before = json(api.get(storage));
        assertEquals(3, before.getInt("numberOfStoredImages"));

        expectError(api.post(delete, idList(tenant, space + "/gone1", "!" + (tenant.customer() + 1) + "/1/x")), 400,
                "not an image of customer");
        expectError(api.post(delete, idList(tenant, space + "/gone1", space + "/gone1")), 400, "more than once");
        expectError(api.post(delete, idList(tenant, space + "/never", second + "/never")), 404, "None of the 2");
        assertEquals(200, api.get(tenant.imagePath("gone1")).getStatus(), "a refused deletion deletes nothing");
        Tenant stranger = Api.admin(base).newTenant();
        assertEquals(403, stranger.api(base).post(delete, idList(tenant, space + "/gone1")).getStatus());

        assertEquals(204, api.post(delete, idList(tenant, space + "/gone1", second + "/gone2", space + "/never"))
                .getStatus());
        assertEquals(404, api.get(tenant.imagePath("gone1")).getStatus());
        assertEquals(404, api.get("/customers/" + tenant.customer() + "/spaces/" + second + "/images/gone2").getStatus());
        assertEquals(404, api.get(tenant.servicePath("gone1") + "/info.json").getStatus());
        assertEquals(404, api.get("/iiif-img/" + tenant.customer() + "/" + second + "/gone2/info.json").getStatus());
        assertTrue(Storage.versions(tenant, "gone1").isEmpty(), "the derivative is deleted");
        assertEquals(200, api.get(tenant.servicePath("stays") + "/info.json").getStatus());
        assertEquals(1, json(api.get("/customers/" + tenant.customer() + "/allImages")).getInt("totalItems"));
        JsonObject after = json(api.get(storage));
        assertEquals(1, after.getInt("numberOfStoredImages"), "the usage counts only what is left: " + after);
        long left = after.getJsonNumber("totalSizeOfStoredImages").longValue();
        assertTrue(left > 0 && left < before.getJsonNumber("totalSizeOfStoredImages").longValue(), after.toString());
    }

    @Test
    void aBulkPatchChangesMetadataAllOrNothing() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        register(api, tenant, tenant.space(), "m1", "\"string1\":\"old\",\"roles\":[\"r\"],\"maxUnauthorised\":100");
        register(api, tenant, tenant.space(), "m2", "\"string1\":\"old\"");
        String images = tenant.spacePath() + "/images";

        JsonObject changed = json(api.patch(images, patch(
                "{\"id\":\"m2\",\"string1\":\"new\",\"number1\":2,\"tags\":[\"t\"]}",
                "{\"id\":\"m1\",\"string1\":\"new\",\"number3\":7,\"space\":" + tenant.space() + "}")));
        assertEquals(2, changed.getInt("totalItems"));
        assertEquals(List.of(tenant.space() + "/m2", tenant.space() + "/m1"), ids(changed));
        JsonObject m1 = json(api.get(tenant.imagePath("m1")));
        assertEquals("new", m1.getString("string1"));
        assertEquals(7, m1.getInt("number3"));
        assertEquals(List.of("r"), m1.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList(), "what the patch leaves out stays");
        assertEquals(100, m1.getInt("maxUnauthorised"));
        assertEquals(2, json(api.get(images + "?string1=new")).getInt("totalItems"));

        for (String refused : List.of("\"origin\":\"http://example.org/x.jpg\"", "\"roles\":[]", "\"maxUnauthorised\":-1",
                "\"thumbnailPolicy\":\"default\"")) {
            String field = refused.substring(1, refused.indexOf('"', 1));
            expectError(api.patch(images, patch("{\"id\":\"m2\",\"string1\":\"changed\"}",
                    "{\"id\":\"m1\"," + refused + "}")), 400, field);
        }
        expectError(api.patch(images, patch("{\"id\":\"m2\",\"string1\":\"changed\"}", "{\"id\":\"ghost\",\"string1\":\"x\"}")),
                404, "'ghost'");
        expectError(api.patch(images, patch("{\"id\":\"m2\",\"string1\":\"a\"}", "{\"id\":\"m2\",\"string1\":\"b\"}")),
                400, "more than once");
        expectError(api.patch(images, patch("{\"id\":\"m2\",\"string1\":\"changed\"}", "{\"id\":\"m1\",\"number1\":-4}")),
                400, "Member 1");
        expectError(api.patch(images, patch("{\"id\":\"m2\",\"space\":" + (tenant.space() + 1) + "}")), 400, "space");
        expectError(api.patch(images, patch("{\"string1\":\"x\"}")), 400, "no id");
        expectError(api.patch(images, patch()), 400, "empty");
        String[] many = new String[501];
        for (int i = 0; i < many.length; i++) {
            many[i] = "{\"id\":\"i" + i + "\"}";
        }
        expectError(api.patch(images, patch(many)), 400, "at most 500");
        assertEquals(2, json(api.get(images + "?string1=new")).getInt("totalItems"), "refused patches changed nothing");
        assertEquals(0, json(api.get(images + "?string1=changed")).getInt("totalItems"));
    }

    @Test
    void aBatchsImagesAndAssetsAreFullImagesWithTheirMemberStatusFilterableWithQ() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        JsonArrayBuilder members = Batches.members();
        for (int i = 0; i < 4; i++) {
            String url = origin().serveImage("/" + tenant.name() + "/b" + i + ".jpg", "image/jpeg", Fixtures.jpeg(80 + i, 60));
            members.add(Json.createObjectBuilder(member(tenant.space(), "b" + i, url))
                    .add("string1", i < 2 ? "first-book" : "second-book").add("number1", i));
        }
        members.add(member(tenant.space(), "broken", origin().serveImage("/" + tenant.name() + "/broken", "text/html",
                Fixtures.html())));
        JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue", collection(members)));
        String path = Batches.path(batch);
        assertEquals(batch.getString("@id") + "/assets", batch.getString("assets"));
        awaitFinished(api, path, Duration.ofMinutes(3));

        JsonObject book = json(api.get(path + "/images?q=" + q("{\"string1\":\"first-book\"}") + "&orderByDescending=number1"));
        assertEquals(2, book.getInt("totalItems"));
        JsonObject image = book.getJsonArray("member").getJsonObject(0);
        assertEquals("b1", image.getString("id"));
        assertEquals("completed", image.getString("batchMemberStatus"));
        assertEquals(81, image.getInt("width"));
        assertEquals(base + tenant.servicePath("b1").substring(1), image.getString("imageService"));
        assertEquals("Image", image.getString("@type"));
        assertEquals(book.getJsonArray("member"),
                json(api.get(path + "/assets?q=" + q("{\"string1\":\"first-book\"}") + "&orderByDescending=number1"))
                        .getJsonArray("member"), "assets answers the same listing");

        JsonObject failed = json(api.get(path + "/assets?status=error"));
        assertEquals(1, failed.getInt("totalItems"));
        JsonObject broken = failed.getJsonArray("member").getJsonObject(0);
        assertEquals("error", broken.getString("batchMemberStatus"));
        assertFalse(broken.getString("batchMemberError").isBlank());
        assertTrue(failed.getJsonObject("view").getString("first").contains("status=error"));
        assertEquals(0, json(api.get(path + "/images?status=error&string1=second-book")).getInt("totalItems"));
        assertEquals(5, json(api.get(path + "/images")).getInt("totalItems"));
        expectError(api.get(path + "/assets?state=error"), 400, "status");
        expectError(api.get(path + "/images?status=lost"), 400, "status");
    }

    private static String patch(String... members) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String member : members) {
            array.add(Json.createReader(new java.io.StringReader(member)).readObject());
        }
        return Json.createObjectBuilder().add("@type", "Collection").add("member", array).build().toString();
    }
}
