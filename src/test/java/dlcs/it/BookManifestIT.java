package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.DeliveryClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.presentation.PresentationSchema;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The book: 12 pages registered out of order (string1 the book, number1 the page), each
 * of its own size, shown through the built-in {@code book} named query as manifests in 3.0 and
 * 2.1: the canvases come out in page order, each the size of its page, with image services that
 * answer; the 3.0 manifest is valid against the IIIF schema.
 */
class BookManifestIT extends ServerTest {

    private static final int PAGES = 12;

    private static Api.Tenant tenant;

    /** The book, queued shuffled as one batch, shared by these read-only tests. */
    private synchronized Api.Tenant book() throws InterruptedException {
        if (tenant == null) {
            Api.Tenant made = Api.admin(base).newTenant();
            List<Integer> pages = new ArrayList<>();
            for (int page = 1; page <= PAGES; page++) {
                pages.add(page);
            }
            Collections.shuffle(pages, new Random(12));
            JsonArrayBuilder members = Batches.members();
            for (int page : pages) {
                String url = origin().serveImage("/" + made.name() + "/page-" + page + ".jpg", "image/jpeg",
                        Fixtures.jpeg(width(page), height(page)));
                members.add(Json.createObjectBuilder().add("id", "page-" + page).add("space", made.space())
                        .add("origin", url).add("string1", "voyage").add("number1", page));
            }
            Api api = made.api(base);
            JsonObject batch = json(api.post("/customers/" + made.customer() + "/queue",
                    Batches.collection(members)));
            JsonObject done = Batches.awaitFinished(api, Batches.path(batch), Duration.ofMinutes(3));
            assertEquals(PAGES, done.getInt("completed"), done.toString());
            tenant = made;
        }
        return tenant;
    }

    private static int width(int page) {
        return 200 + 10 * page;
    }

    private static int height(int page) {
        return 300 + page;
    }

    private String bookPath(String version, String book) throws InterruptedException {
        Api.Tenant t = book();
        return "/iiif-resource" + version + "/" + t.customer() + "/book/" + t.space() + "/" + book;
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        return new DeliveryClient(base).get(path, headers);
    }

    @Test
    void theVersion3ManifestHasThePagesInOrderWithTheirSizesAndServices() throws InterruptedException {
        HttpResponse<byte[]> response = get(bookPath("", "voyage"));
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"",
                header(response, "Content-Type"));
        assertEquals(List.of(), PresentationSchema.errors(new String(response.body(), StandardCharsets.UTF_8)));
        JsonObject manifest = DeliveryClient.json(response);
        assertEquals(base + bookPath("", "voyage").substring(1), manifest.getString("id"));
        assertEquals("voyage", manifest.getJsonObject("label").getJsonArray("none").getString(0));
        JsonArray canvases = manifest.getJsonArray("items");
        assertEquals(PAGES, canvases.size());
        Api.Tenant t = book();
        for (int i = 0; i < PAGES; i++) {
            int page = i + 1;
            JsonObject canvas = canvases.getJsonObject(i);
            assertEquals(base + "iiif-img/" + t.customer() + "/" + t.space() + "/page-" + page + "/canvas",
                    canvas.getString("id"), "canvas " + i);
            assertEquals(width(page), canvas.getInt("width"));
            assertEquals(height(page), canvas.getInt("height"));
            JsonArray services = canvas.getJsonArray("items").getJsonObject(0).getJsonArray("items").getJsonObject(0)
                    .getJsonObject("body").getJsonArray("service");
            JsonObject v3 = info(services.getJsonObject(0).getString("id"));
            assertEquals("ImageService3", v3.getString("type"));
            assertEquals(width(page), v3.getInt("width"));
            JsonObject v2 = info(services.getJsonObject(1).getString("@id"));
            assertEquals(services.getJsonObject(1).getString("@id"), v2.getString("@id"));
            assertEquals(height(page), v2.getInt("height"));
        }
    }

    @Test
    void theVersion2ManifestHasThePagesInOrderWithTheirSizesAndServices() throws InterruptedException {
        HttpResponse<byte[]> response = get(bookPath("/v2", "voyage"), "Accept", "application/ld+json");
        assertEquals(200, response.statusCode());
        assertEquals("application/ld+json;profile=\"http://iiif.io/api/presentation/2/context.json\"",
                header(response, "Content-Type"));
        JsonObject manifest = DeliveryClient.json(response);
        assertEquals("sc:Manifest", manifest.getString("@type"));
        assertEquals(base + bookPath("/v2", "voyage").substring(1), manifest.getString("@id"));
        JsonArray canvases = manifest.getJsonArray("sequences").getJsonObject(0).getJsonArray("canvases");
        assertEquals(PAGES, canvases.size());
        Api.Tenant t = book();
        for (int i = 0; i < PAGES; i++) {
            int page = i + 1;
            JsonObject canvas = canvases.getJsonObject(i);
            assertEquals("sc:Canvas", canvas.getString("@type"));
            assertEquals(base + "iiif-img/" + t.customer() + "/" + t.space() + "/page-" + page + "/canvas",
                    canvas.getString("@id"));
            assertEquals(width(page), canvas.getInt("width"));
            assertEquals(height(page), canvas.getInt("height"));
            JsonObject annotation = canvas.getJsonArray("images").getJsonObject(0);
            assertEquals("sc:painting", annotation.getString("motivation"));
            assertEquals(canvas.getString("@id"), annotation.getString("on"));
            JsonObject info = info(annotation.getJsonObject("resource").getJsonObject("service").getString("@id"));
            assertEquals(width(page), info.getInt("width"));
        }
    }

    @Test
    void theCustomerMayBeNamedAndTheVersionGiven() throws InterruptedException {
        Api.Tenant t = book();
        JsonObject byName = DeliveryClient.json(get("/iiif-resource/v3/" + t.name() + "/book/" + t.space()
                + "/voyage"));
        assertEquals(DeliveryClient.json(get(bookPath("", "voyage"))).getJsonArray("items"),
                byName.getJsonArray("items"));
    }

    @Test
    void noMatchIs404AndABadParameterIs400() throws InterruptedException {
        Api.Tenant t = book();
        HttpResponse<byte[]> none = get(bookPath("", "no-such-book"));
        assertEquals(404, none.statusCode());
        assertEquals("*", header(none, "Access-Control-Allow-Origin"));
        HttpResponse<byte[]> badSpace = get("/iiif-resource/" + t.customer() + "/book/not-a-space/voyage");
        assertEquals(400, badSpace.statusCode(), new String(badSpace.body(), StandardCharsets.UTF_8));
        assertTrue(DeliveryClient.json(badSpace).getString("detail").contains("not-a-space"),
                DeliveryClient.json(badSpace).toString());
        assertEquals(400, get("/iiif-resource/" + t.customer() + "/book/" + t.space()).statusCode(),
                "a parameter short");
        assertEquals(400, get(bookPath("", "voyage") + "/extra").statusCode(), "a parameter too many");
    }

    @Test
    void aManifestIsRevalidatedByItsEtag() throws InterruptedException {
        HttpResponse<byte[]> first = get(bookPath("", "voyage"));
        String etag = header(first, "ETag");
        assertEquals(304, get(bookPath("", "voyage"), "If-None-Match", etag).statusCode());
        assertEquals(304, get(bookPath("", "voyage"), "If-None-Match", "\"other\", W/" + etag).statusCode());
        assertEquals(200, get(bookPath("", "voyage"), "If-None-Match", "\"other\"").statusCode());
    }

    private JsonObject info(String serviceId) {
        assertTrue(serviceId.startsWith(base.toString()), serviceId);
        HttpResponse<byte[]> response = get("/" + serviceId.substring(base.toString().length()) + "/info.json");
        assertEquals(200, response.statusCode(), serviceId);
        return DeliveryClient.json(response);
    }
}
