package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Immediate registration from a real HTTP origin, end to end to the IIIF service. */
class ImageRegistrationIT extends ServerTest {

    @Test
    void jpegPngAndTiffRegisterAndServeAtOnce() throws IOException {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        record Case(String id, String type, byte[] bytes, int width, int height) {
        }
        List<Case> cases = List.of(
                new Case("a-jpeg", "image/jpeg", Fixtures.jpeg(1200, 800), 1200, 800),
                new Case("a-png", "image/png", Fixtures.png(640, 480), 640, 480),
                // served with a misleading name and type: the format comes from the bytes
                new Case("a-tiff", "application/octet-stream", Fixtures.tiff(700, 300), 700, 300));
        for (Case c : cases) {
            String url = origin().serveImage("/" + tenant.name() + "/" + c.id() + ".jpg", c.type(), c.bytes());
            Response response = api.put(tenant.imagePath(c.id()), "{\"origin\":\"" + url + "\",\"string1\":\"s\"}");
            assertEquals(201, response.getStatus(), c.id());
            JsonObject image = json(response);
            assertEquals(c.id(), image.getString("id"));
            assertEquals(c.width(), image.getInt("width"));
            assertEquals(c.height(), image.getInt("height"));
            assertFalse(image.getBoolean("ingesting"));
            assertTrue(image.containsKey("finished"));
            assertEquals(base + tenant.imagePath(c.id()).substring(1), image.getString("@id"));
            assertEquals(base + tenant.servicePath(c.id()).substring(1), image.getString("imageService"));

            JsonObject info = json(api.get(tenant.servicePath(c.id()) + "/info.json"));
            assertEquals("http://iiif.io/api/image/3/context.json", info.getString("@context"));
            assertEquals(image.getString("imageService"), info.getString("id"));
            assertEquals("ImageService3", info.getString("type"));
            assertEquals("http://iiif.io/api/image", info.getString("protocol"));
            assertEquals(c.width(), info.getInt("width"));
            assertEquals(c.height(), info.getInt("height"));
            JsonObject tiles = info.getJsonArray("tiles").getJsonObject(0);
            assertEquals(256, tiles.getInt("width"));
            assertEquals(1, tiles.getJsonArray("scaleFactors").getInt(0));
            JsonArray sizes = info.getJsonArray("sizes");
            assertEquals(c.width(), sizes.getJsonObject(sizes.size() - 1).getInt("width"));

            BufferedImage full = image(api.get(tenant.servicePath(c.id()) + "/full/max/0/default.jpg"));
            assertEquals(c.width(), full.getWidth());
            assertEquals(c.height(), full.getHeight());
        }
        assertEquals(0, Storage.temporaryFiles(), "fetched masters are deleted");
    }

    @Test
    void thumbnailsAreWrittenAtThePolicySizesNeverUpscaled() {
        Tenant tenant = Api.admin(base).newTenant();
        String url = origin().serveImage("/" + tenant.name() + "/small.jpg", "image/jpeg", Fixtures.jpeg(300, 200));
        assertEquals(201, tenant.api(base).put(tenant.imagePath("small"), "{\"origin\":\"" + url + "\"}").getStatus());
        List<Path> versions = Storage.versions(tenant, "small");
        assertEquals(1, versions.size());
        assertEquals(List.of("100x67.jpg", "200x133.jpg", "300x200.jpg"), Storage.thumbnails(versions.get(0)));
    }

    @Test
    void reRegistrationAnswers200AndReplacesTheDerivative() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String first = origin().serveImage("/" + tenant.name() + "/v1.jpg", "image/jpeg", Fixtures.jpeg(400, 300));
        String second = origin().serveImage("/" + tenant.name() + "/v2.png", "image/png", Fixtures.png(500, 250));
        assertEquals(201, api.put(tenant.imagePath("img"), "{\"origin\":\"" + first + "\"}").getStatus());
        Path oldVersion = Storage.versions(tenant, "img").get(0);

        Response again = api.put(tenant.imagePath("img"), "{\"origin\":\"" + second + "\",\"number1\":7}");
        assertEquals(200, again.getStatus());
        JsonObject image = json(again);
        assertEquals(500, image.getInt("width"));
        assertEquals("image/png", image.getString("mediaType"));
        assertEquals(7, image.getInt("number1"));
        assertEquals(500, json(api.get(tenant.servicePath("img") + "/info.json")).getInt("width"));
        List<Path> versions = Storage.versions(tenant, "img");
        assertEquals(1, versions.size(), "the old derivative is removed");
        assertNotEquals(oldVersion, versions.get(0));
    }

    @Test
    void postingWithoutAnIdAssignsAUuid() {
        Tenant tenant = Api.admin(base).newTenant();
        String url = origin().serveImage("/" + tenant.name() + "/p.jpg", "image/jpeg", Fixtures.jpeg(200, 100));
        Response response = tenant.api(base).post(tenant.spacePath() + "/images", "{\"origin\":\"" + url + "\"}");
        assertEquals(201, response.getStatus());
        String id = json(response).getString("id");
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        assertTrue(response.getLocation().toString().endsWith("/images/" + id));

        Response named = tenant.api(base).post(tenant.spacePath() + "/images", "{\"id\":\"chosen\",\"origin\":\"" + url + "\"}");
        assertEquals("chosen", json(named).getString("id"));
    }

    @Test
    void imagesArePagedAndFiltered() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String url = origin().serveImage("/" + tenant.name() + "/f.jpg", "image/jpeg", Fixtures.jpeg(120, 80));
        for (int i = 1; i <= 5; i++) {
            String body = "{\"origin\":\"" + url + "\",\"string1\":\"" + (i <= 3 ? "book-a" : "book-b")
                    + "\",\"number1\":" + i + ",\"tags\":[" + (i % 2 == 0 ? "\"even\"" : "\"odd\"") + "]}";
            assertEquals(201, api.put(tenant.imagePath("page" + i), body).getStatus());
        }
        String images = tenant.spacePath() + "/images";
        JsonObject page = json(api.get(images + "?pageSize=2&page=2"));
        assertEquals(5, page.getInt("totalItems"));
        assertEquals(List.of("page3", "page4"), ids(page));
        assertEquals(3, page.getJsonObject("view").getInt("totalPages"));

        assertEquals(List.of("page1", "page2", "page3"), ids(json(api.get(images + "?string1=book-a"))));
        assertEquals(List.of("page4"), ids(json(api.get(images + "?number1=4"))));
        assertEquals(List.of("page2", "page4"), ids(json(api.get(images + "?tag=even"))));
        assertEquals(List.of("page5", "page4", "page3", "page2", "page1"),
                ids(json(api.get(images + "?orderBy=-number1"))));
        assertEquals(5, json(api.get(tenant.spacePath())).getInt("approximateNumberOfImages"));
        assertEquals(400, api.get(images + "?number1=-1").getStatus());
        assertEquals(400, api.get(images + "?orderBy=secret").getStatus());
        assertEquals(400, api.get(images + "?pageSize=501").getStatus());
    }

    @Test
    void patchChangesMetadataWithoutFetchingUnlessTheOriginChanges() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String path = "/" + tenant.name() + "/patch.jpg";
        String url = origin().serveImage(path, "image/jpeg", Fixtures.jpeg(300, 300));
        JsonObject registered = json(api.put(tenant.imagePath("p"), "{\"origin\":\"" + url + "\",\"string2\":\"keep\"}"));
        assertEquals(1, origin().hits(path));

        JsonObject patched = json(api.patch(tenant.imagePath("p"), "{\"string1\":\"new\",\"tags\":[\"x\"]}"));
        assertEquals("new", patched.getString("string1"));
        assertEquals("keep", patched.getString("string2"));
        assertEquals("x", patched.getJsonArray("tags").getString(0));
        assertEquals(registered.getString("finished"), patched.getString("finished"), "no re-ingest");
        assertEquals(1, origin().hits(path), "the origin was not fetched again");

        String other = origin().serveImage("/" + tenant.name() + "/other.png", "image/png", Fixtures.png(150, 100));
        JsonObject moved = json(api.patch(tenant.imagePath("p"), "{\"origin\":\"" + other + "\"}"));
        assertEquals(150, moved.getInt("width"));
        assertEquals("new", moved.getString("string1"), "other metadata kept");
        assertEquals(150, json(api.get(tenant.servicePath("p") + "/info.json")).getInt("width"));
    }

    @Test
    void reingestFetchesTheOriginAgain() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String path = "/" + tenant.name() + "/re.jpg";
        String url = origin().serveImage(path, "image/jpeg", Fixtures.jpeg(300, 200));
        api.put(tenant.imagePath("re"), "{\"origin\":\"" + url + "\",\"string1\":\"meta\"}").close();
        origin().serveImage(path, "image/jpeg", Fixtures.jpeg(320, 240));

        Response response = api.request(tenant.imagePath("re") + "/reingest").post(Entity.json(""));
        assertEquals(200, response.getStatus());
        JsonObject image = json(response);
        assertEquals(320, image.getInt("width"));
        assertEquals("meta", image.getString("string1"));
        assertEquals(2, origin().hits(path));
    }

    @Test
    void deleteRemovesTheImageAndItsDerivatives() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String url = origin().serveImage("/" + tenant.name() + "/d.jpg", "image/jpeg", Fixtures.jpeg(200, 200));
        api.put(tenant.imagePath("gone"), "{\"origin\":\"" + url + "\"}").close();
        assertEquals(1, Storage.versions(tenant, "gone").size());

        assertEquals(204, api.delete(tenant.imagePath("gone")).getStatus());
        assertEquals(404, api.get(tenant.imagePath("gone")).getStatus());
        assertEquals(404, api.get(tenant.servicePath("gone") + "/info.json").getStatus());
        assertTrue(Storage.versions(tenant, "gone").isEmpty());
        assertEquals(404, api.delete(tenant.imagePath("gone")).getStatus());
    }

    @Test
    void spacesHoldingImagesCannotBeDeleted() {
        Tenant tenant = Api.admin(base).newTenant();
        String url = origin().serveImage("/" + tenant.name() + "/k.jpg", "image/jpeg", Fixtures.jpeg(100, 100));
        tenant.api(base).put(tenant.imagePath("k"), "{\"origin\":\"" + url + "\"}").close();
        Response response = tenant.api(base).delete(tenant.spacePath());
        assertEquals(409, response.getStatus());
        assertTrue(json(response).getString("detail").contains("1 images"));
    }

    @Test
    void concurrentRegistrationsOfOneIdLeaveOneServingDerivative() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String url = origin().serveImage("/" + tenant.name() + "/race.jpg", "image/jpeg", Fixtures.jpeg(900, 600));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(pool.submit(() -> api.put(tenant.imagePath("race"), "{\"origin\":\"" + url + "\"}").getStatus()));
            }
            int created = 0;
            for (var status : statuses) {
                int code = status.get();
                assertTrue(code == 201 || code == 200 || code == 409, "status " + code);
                created += code == 201 ? 1 : 0;
            }
            assertEquals(1, created, "exactly one registration created the image");
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Storage.versions(tenant, "race").size(), "one derivative, no orphans");
        assertEquals(900, json(api.get(tenant.servicePath("race") + "/info.json")).getInt("width"));
    }

    @Test
    void forwardedHeadersFromAClientThatIsNoTrustedProxyAreIgnored() {
        // the test server trusts no proxy (dlcs.http.trusted-proxies is unset): from 127.0.0.1
        // these are forgeries; PublicBaseTest covers a trusted proxy's
        Tenant tenant = Api.admin(base).newTenant();
        JsonObject space = json(tenant.api(base).request(tenant.spacePath())
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "images.example.org")
                .header("X-Forwarded-Prefix", "/dlcs")
                .get());
        assertEquals(base + tenant.spacePath().substring(1), space.getString("@id"));
    }

    private static List<String> ids(JsonObject collection) {
        return collection.getJsonArray("member").getValuesAs(JsonObject.class).stream()
                .map(member -> member.getString("id")).toList();
    }

    static BufferedImage image(Response response) {
        assertEquals(200, response.getStatus());
        try {
            return ImageIO.read(new ByteArrayInputStream(response.readEntity(byte[].class)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
