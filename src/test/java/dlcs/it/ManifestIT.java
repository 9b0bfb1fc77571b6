package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.DeliveryClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.TestOrigin.Status;
import dlcs.presentation.PresentationSchema;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single-image manifests over HTTP in the real server: 3.0 valid against the IIIF schema, 2.1 in
 * its shape, each canvas the image's size, every service and thumbnail they name answering, the
 * HTTP of the delivery paths (content types, ETag and 304, CORS, caching), and the 404s and 400s.
 */
class ManifestIT extends ServerTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 900;
    private static final String LD_V3 = "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"";
    private static final String LD_V2 = "application/ld+json;profile=\"http://iiif.io/api/presentation/2/context.json\"";

    private static Api.Tenant tenant;

    /** One registered image with metadata, shared by these read-only tests. */
    private synchronized Api.Tenant tenant() {
        if (tenant == null) {
            Api.Tenant made = Api.admin(base).newTenant();
            String url = origin().serveImage("/" + made.name() + "/page.jpg", "image/jpeg", Fixtures.jpeg(WIDTH, HEIGHT));
            assertEquals(201, made.api(base).put(made.imagePath("page-1"), "{\"origin\":\"" + url + "\","
                    + "\"string1\":\"The Book\",\"number1\":1,\"tags\":[\"rare\"]}").getStatus());
            tenant = made;
        }
        return tenant;
    }

    private String manifestPath(String version) {
        Api.Tenant t = tenant();
        return "/iiif-manifest" + version + "/" + t.customer() + "/" + t.space() + "/page-1";
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        return new DeliveryClient(base).get(path, headers);
    }

    private String absolute(String path) {
        return base + path.substring(1);
    }

    @Test
    void aVersion3ManifestIsValidAndPaintsTheImageWithBothServices() {
        HttpResponse<byte[]> response = get(manifestPath(""));
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(LD_V3, header(response, "Content-Type"));
        assertEquals(List.of(), PresentationSchema.errors(new String(response.body(), StandardCharsets.UTF_8)));
        JsonObject manifest = DeliveryClient.json(response);
        assertEquals(absolute(manifestPath("")), manifest.getString("id"));
        assertEquals("The Book", manifest.getJsonObject("label").getJsonArray("none").getString(0));
        JsonObject explicit = DeliveryClient.json(get(manifestPath("/v3")));
        assertEquals(absolute(manifestPath("/v3")), explicit.getString("id"));
        assertEquals(manifest.getJsonArray("items"), explicit.getJsonArray("items"));

        JsonArray items = manifest.getJsonArray("items");
        assertEquals(1, items.size());
        JsonObject canvas = items.getJsonObject(0);
        Api.Tenant t = tenant();
        String image = "/iiif-img/" + t.customer() + "/" + t.space() + "/page-1";
        assertEquals(absolute(image + "/canvas"), canvas.getString("id"));
        assertEquals(WIDTH, canvas.getInt("width"));
        assertEquals(HEIGHT, canvas.getInt("height"));
        assertTrue(canvas.getJsonArray("metadata").toString().contains("rare"), canvas.toString());
        JsonObject body = canvas.getJsonArray("items").getJsonObject(0).getJsonArray("items").getJsonObject(0)
                .getJsonObject("body");
        JsonArray services = body.getJsonArray("service");

        JsonObject v3 = DeliveryClient.json(fetch(services.getJsonObject(0).getString("id") + "/info.json"));
        assertEquals(services.getJsonObject(0).getString("id"), v3.getString("id"));
        assertEquals("ImageService3", v3.getString("type"));
        assertEquals(WIDTH, v3.getInt("width"));
        JsonObject v2 = DeliveryClient.json(fetch(services.getJsonObject(1).getString("@id") + "/info.json"));
        assertEquals(services.getJsonObject(1).getString("@id"), v2.getString("@id"));
        assertEquals("http://iiif.io/api/image/2/context.json", v2.getString("@context"));
        assertPicture(body);
        assertPicture(canvas.getJsonArray("thumbnail").getJsonObject(0));
        JsonObject thumbnailService = canvas.getJsonArray("thumbnail").getJsonObject(0).getJsonArray("service")
                .getJsonObject(0);
        assertEquals("level0", DeliveryClient.json(fetch(thumbnailService.getString("id") + "/info.json"))
                .getString("profile"));
    }

    @Test
    void aVersion2ManifestHasItsShapeAndItsServiceAnswers() {
        HttpResponse<byte[]> plain = get(manifestPath("/v2"));
        assertEquals(200, plain.statusCode());
        assertEquals("application/json", header(plain, "Content-Type"), "2.1: plain JSON unless JSON-LD is asked for");
        HttpResponse<byte[]> response = get(manifestPath("/v2"), "Accept", "application/ld+json");
        assertEquals(LD_V2, header(response, "Content-Type"));
        JsonObject manifest = DeliveryClient.json(response);
        assertEquals("sc:Manifest", manifest.getString("@type"));
        assertEquals(absolute(manifestPath("/v2")), manifest.getString("@id"));
        assertEquals("The Book", manifest.getString("label"));
        JsonObject canvas = manifest.getJsonArray("sequences").getJsonObject(0).getJsonArray("canvases")
                .getJsonObject(0);
        assertEquals("sc:Canvas", canvas.getString("@type"));
        Api.Tenant t = tenant();
        assertEquals(absolute("/iiif-img/" + t.customer() + "/" + t.space() + "/page-1/canvas"), canvas.getString("@id"));
        assertEquals(WIDTH, canvas.getInt("width"));
        assertEquals(HEIGHT, canvas.getInt("height"));
        JsonObject annotation = canvas.getJsonArray("images").getJsonObject(0);
        assertEquals("sc:painting", annotation.getString("motivation"));
        assertEquals(canvas.getString("@id"), annotation.getString("on"));
        JsonObject resource = annotation.getJsonObject("resource");
        assertEquals("dctypes:Image", resource.getString("@type"));
        JsonObject info = DeliveryClient.json(fetch(resource.getJsonObject("service").getString("@id") + "/info.json"));
        assertEquals(resource.getJsonObject("service").getString("@id"), info.getString("@id"));
        assertEquals(HEIGHT, info.getInt("height"));
        assertPicture(resource);
    }

    @Test
    void manifestsAreCachedRevalidatedAndOpenToEveryOrigin() {
        HttpResponse<byte[]> first = get(manifestPath(""), "Origin", "https://viewer.example.org");
        String etag = header(first, "ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        assertEquals("*", header(first, "Access-Control-Allow-Origin"));
        assertEquals("nosniff", header(first, "X-Content-Type-Options"));
        assertTrue(header(first, "Cache-Control").startsWith("public, max-age="), header(first, "Cache-Control"));
        assertFalse(header(first, "Last-Modified").isEmpty());

        HttpResponse<byte[]> again = get(manifestPath(""), "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(etag, header(again, "ETag"));
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> v2 = get(manifestPath("/v2"), "If-None-Match", etag);
        assertEquals(200, v2.statusCode(), "another version is another document");
        assertFalse(etag.equals(header(v2, "ETag")));

        HttpResponse<byte[]> head = new DeliveryClient(base).send("HEAD", manifestPath(""));
        assertEquals(200, head.statusCode());
        assertEquals(etag, header(head, "ETag"));
        HttpResponse<byte[]> preflight = new DeliveryClient(base).send("OPTIONS", manifestPath(""),
                "Origin", "https://viewer.example.org", "Access-Control-Request-Method", "GET");
        assertEquals(204, preflight.statusCode());
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
    }

    @Test
    void aChangeOfMetadataMakesANewEtag() {
        Api.Tenant mine = Api.admin(base).newTenant();
        String url = origin().serveImage("/" + mine.name() + "/p.jpg", "image/jpeg", Fixtures.jpeg(64, 48));
        assertEquals(201, mine.api(base).put(mine.imagePath("p"), "{\"origin\":\"" + url + "\",\"string1\":\"a\"}")
                .getStatus());
        String path = "/iiif-manifest/" + mine.customer() + "/" + mine.space() + "/p";
        String before = header(get(path), "ETag");

        assertEquals(200, mine.api(base).patch(mine.imagePath("p"), "{\"string1\":\"b\"}").getStatus());

        HttpResponse<byte[]> after = get(path, "If-None-Match", before);
        assertEquals(200, after.statusCode());
        assertEquals("b", DeliveryClient.json(after).getJsonObject("label").getJsonArray("none").getString(0));
    }

    @Test
    void noImageNoManifest() {
        Api.Tenant t = tenant();
        String space = t.customer() + "/" + t.space();
        assertNotFound("/iiif-manifest/" + space + "/no-such-image");
        assertNotFound("/iiif-manifest/v2/" + space + "/no-such-image");
        assertNotFound("/iiif-manifest/" + t.customer() + "/999999/page-1");
        assertNotFound("/iiif-manifest/" + t.customer() + "/space/page-1");
        assertNotFound("/iiif-manifest/no-such-customer-" + t.name() + "/1/page-1");
        assertNotFound("/iiif-manifest/" + space);
        assertNotFound("/iiif-manifest/" + space + "/page-1/extra");
        assertNotFound("/iiif-manifest");
        // by name as well as by number
        assertEquals(200, get("/iiif-manifest/" + t.name() + "/" + t.space() + "/page-1").statusCode());
    }

    @Test
    void anImageNotIngestedHasNoManifest() throws InterruptedException {
        Api.Tenant mine = Api.admin(base).newTenant();
        Api api = mine.api(base);
        String missing = origin().serve("/" + mine.name() + "/missing.jpg", new Status(404));
        JsonObject batch = json(api.post("/customers/" + mine.customer() + "/queue",
                Batches.collection(Batches.members().add(Batches.member(mine.space(), "failed", missing)))));
        Batches.awaitFinished(api, Batches.path(batch), Duration.ofSeconds(60));

        HttpResponse<byte[]> response = get("/iiif-manifest/" + mine.customer() + "/" + mine.space() + "/failed");
        assertEquals(404, response.statusCode());
        String detail = DeliveryClient.json(response).getString("detail");
        assertTrue(detail.contains("could not be ingested"), detail);
        assertFalse(detail.contains("missing.jpg"), "never the origin: " + detail);
    }

    @Test
    void namedQueryPathsThatNameNothingAreRefused() {
        Api.Tenant t = tenant();
        assertNotFound("/iiif-resource/" + t.customer());
        assertNotFound("/iiif-resource");
        assertNotFound("/iiif-resource/" + t.customer() + "/no-such-query-" + t.name() + "/1");
        HttpResponse<byte[]> tooMany = get("/iiif-resource/" + t.customer() + "/book" + "/p".repeat(101));
        assertEquals(400, tooMany.statusCode());
        assertTrue(DeliveryClient.json(tooMany).getString("detail").contains("at most 100 parameters"));
        assertEquals("*", header(tooMany, "Access-Control-Allow-Origin"));
        assertEquals("no-store", header(tooMany, "Cache-Control"));
    }

    private void assertNotFound(String path) {
        HttpResponse<byte[]> response = get(path);
        assertEquals(404, response.statusCode(), path + ": " + new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(header(response, "Content-Type").startsWith("application/json"), header(response, "Content-Type"));
        assertEquals("*", header(response, "Access-Control-Allow-Origin"));
        assertEquals(404, DeliveryClient.json(response).getInt("status"));
    }

    /** A JPEG the manifest names (its {@code id}, or its {@code @id} in 2.1), at the size it says. */
    private void assertPicture(JsonObject picture) {
        String id = picture.containsKey("id") ? picture.getString("id") : picture.getString("@id");
        BufferedImage image = DeliveryClient.image(fetch(id));
        assertEquals(picture.getInt("width"), image.getWidth(), id);
        assertEquals(picture.getInt("height"), image.getHeight(), id);
    }

    /** An absolute URL from a manifest, fetched anonymously. */
    private HttpResponse<byte[]> fetch(String url) {
        assertTrue(url.startsWith(base.toString()), url);
        HttpResponse<byte[]> response = get("/" + url.substring(base.toString().length()));
        assertEquals(200, response.statusCode(), url);
        return response;
    }
}
