package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every template key end to end: images registered with metadata, a named query, and the order
 * of the canvases of its manifest at {@code /iiif-resource/v3/{customer}/{query}/{p1}/...}.
 */
class NamedQuerySelectionIT extends ServerTest {

    /** Six images in two spaces: a1..a4 in the tenant's space, b1 and b2 in a second one, registered in that order. */
    private record Library(Tenant tenant, Api api, int spaceB, String spaceBName) {

        String query(String name, String template) {
            Response created = api.post("/customers/" + tenant.customer() + "/namedQueries",
                    "{\"name\":\"" + name + "\",\"template\":\"" + template + "\"}");
            assertEquals(201, created.getStatus(), created.readEntity(String.class));
            return name;
        }
    }

    @Test
    void eachSelectionKeyAndLiteralSelectsItsImages() {
        Library library = library();
        Tenant tenant = library.tenant();
        int a = tenant.space();
        assertEquals(List.of("a2", "a3", "a1"), canvases(tenant.name(), "book", a, "book1"),
                "the built-in book: space p1, string1 p2, in number1 order; the customer by name");
        assertEquals(List.of("a2", "a3", "a1"), canvases(tenant.customer(), library.query("by-space",
                "space=p1&s1=p2&canvas=n1"), a, "book1"), "the customer by number");
        assertEquals(List.of("b1"), canvases(tenant.customer(), library.query("by-spacename",
                "spacename=p1&s1=p2&canvas=n1"), library.spaceBName(), "book1"));
        assertEquals(List.of("a4", "a3", "a1", "b1"), canvases(tenant.customer(), library.query("by-s2",
                "s2=p1&canvas=n1"), "x"));
        assertEquals(List.of("a3", "a1", "b1"), canvases(tenant.customer(), library.query("by-s3",
                "s3=p1&canvas=n1"), "red"));
        assertEquals(List.of("a2", "a4", "b2"), canvases(tenant.customer(), library.query("by-n1", "n1=p1"), 1),
                "without canvas, in the order the images were registered");
        assertEquals(List.of("a3", "a2"), canvases(tenant.customer(), library.query("by-n2",
                "n2=p1&canvas=n1 desc"), 2));
        assertEquals(List.of("a2", "a1"), canvases(tenant.customer(), library.query("by-n3", "n3=p1&canvas=n1"), 7));
        assertEquals(List.of("b1"), canvases(tenant.customer(), library.query("literal",
                "s1=book1&space=p1&canvas=n1"), library.spaceB()), "a literal is taken as it is");
        assertEquals(List.of("b2"), canvases(tenant.customer(), library.query("slash", "s1=p1"), "a%2Fb"),
                "%2F in a path value is /");
    }

    @Test
    void canvasOrdersByOneOrMoreFieldsEachAscendingOrDescending() {
        Library library = library();
        long customer = library.tenant().customer();
        assertEquals(List.of("a2", "a3", "a1", "b1"), canvases(customer, library.query("n2-desc-n1",
                "s1=p1&canvas=n2 desc;n1"), "book1"));
        assertEquals(List.of("a3", "a2", "a1", "b1"), canvases(customer, library.query("asset-order",
                "s1=p1&assetOrder=n3 desc;n1"), "book1"), "assetOrder is canvas by another name");
        assertEquals(List.of("a2", "a4", "a3", "a1"), canvases(customer, library.query("by-strings",
                "space=p1&canvas=s3;n1"), library.tenant().space()));
        assertEquals(List.of("b1", "a1", "a3", "a2"), canvases(customer, library.query("plus-desc",
                "s1=p1&canvas=n1+desc"), "book1"));
    }

    @Test
    void aHashValueFillsTheParametersTheUrlLeavesOut() {
        Library library = library();
        long customer = library.tenant().customer();
        String query = library.query("hash", "s1=p1&canvas=n1&#=book2");
        assertEquals(List.of("a4"), canvases(customer, query));
        assertEquals(List.of("a2", "a3", "a1", "b1"), canvases(customer, query, "book1"));
    }

    @Test
    void batchSelectsTheImagesOfBatchesAndOnlyImagesWithADerivativeAreSelected() throws InterruptedException {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String good = origin().serveImage("/" + tenant.name() + "/q.jpg", "image/jpeg", Fixtures.jpeg(40, 30));
        String missing = origin().serve("/" + tenant.name() + "/missing.jpg", new TestOrigin.Status(404));
        String body = Batches.collection(Batches.members()
                .add(queued(tenant, "e2", good, 2)).add(queued(tenant, "e1", missing, 1)).add(queued(tenant, "e3", good, 3)));
        Response accepted = api.post("/customers/" + tenant.customer() + "/queue", body);
        assertEquals(201, accepted.getStatus());
        JsonObject batch = Batches.awaitFinished(api, Batches.path(json(accepted)), Duration.ofMinutes(2));
        assertEquals(1, batch.getInt("errors"));
        assertEquals(201, api.post("/customers/" + tenant.customer() + "/namedQueries",
                "{\"name\":\"batch\",\"template\":\"batch=p1&canvas=n1\"}").getStatus());
        assertEquals(List.of("e2", "e3"), canvases(tenant.customer(), "batch", batch.getInt("id")),
                "e1 failed: it has no derivative, so no canvas");
        assertEquals(List.of("e2", "e3"), canvases(tenant.customer(), "batch", batch.getInt("id") + ",999999"));
    }

    @Test
    void theCustomersOwnQueryWinsOverAGlobalOneOfTheSameName() {
        Api admin = Api.admin(base);
        Library library = library();
        Tenant other = admin.newTenant();
        register(other.api(base), other, other.space(), "o1", "{\"string1\":\"book2\"}");
        String name = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject global = json(admin.post("/customers/1/namedQueries",
                "{\"name\":\"" + name + "\",\"template\":\"s1=book2\",\"global\":true}"));
        try {
            library.query(name, "s1=book1&canvas=n1");
            assertEquals(List.of("a2", "a3", "a1", "b1"), canvases(library.tenant().customer(), name));
            assertEquals(List.of("o1"), canvases(other.name(), name),
                    "the global query runs on the images of the customer in the URL");
        } finally {
            assertEquals(204, admin.delete("/customers/1/namedQueries/" + global.getString("id")).getStatus());
        }
    }

    @Test
    void badParametersAre400AndUnknownQueriesOrCustomers404() {
        Library library = library();
        long customer = library.tenant().customer();
        String path = "/iiif-resource/v3/" + customer + "/";
        library.query("numbered", "n1=p1&canvas=n2");
        expectStatus(path + "book/" + library.tenant().space(), 400, "needs 2 parameters");
        expectStatus(path + "book/1/book1/extra", 400, "at most 2 parameters");
        expectStatus(path + "book/first/book1", 400, "space must be a space number");
        expectStatus(path + "numbered/one", 400, "n1 must be a non-negative whole number");
        expectStatus(path + "numbered/-1", 400, "n1 must be a non-negative whole number");
        expectStatus(path + "no-such-query/1", 404, "no named query 'no-such-query'");
        expectStatus("/iiif-resource/v3/no-such-customer-" + customer + "/book/1/book1", 404, "no customer");
        expectStatus(path + "book/" + library.tenant().space() + "/no-such-book", 404, "selects no image");
    }

    private Library library() {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Api api = tenant.api(base);
        String spaceBName = "B-" + UUID.randomUUID().toString().substring(0, 8);
        int spaceB = json(api.post("/customers/" + tenant.customer() + "/spaces", "{\"name\":\"" + spaceBName + "\"}"))
                .getInt("id");
        int a = tenant.space();
        register(api, tenant, a, "a1", "{\"string1\":\"book1\",\"string2\":\"x\",\"string3\":\"red\",\"number1\":3,"
                + "\"number2\":1,\"number3\":7}");
        register(api, tenant, a, "a2", "{\"string1\":\"book1\",\"string2\":\"y\",\"string3\":\"blue\",\"number1\":1,"
                + "\"number2\":2,\"number3\":7}");
        register(api, tenant, a, "a3", "{\"string1\":\"book1\",\"string2\":\"x\",\"string3\":\"red\",\"number1\":2,"
                + "\"number2\":2,\"number3\":8}");
        register(api, tenant, a, "a4", "{\"string1\":\"book2\",\"string2\":\"x\",\"string3\":\"green\",\"number1\":1}");
        register(api, tenant, spaceB, "b1", "{\"string1\":\"book1\",\"string2\":\"x\",\"string3\":\"red\",\"number1\":5}");
        register(api, tenant, spaceB, "b2", "{\"string1\":\"a/b\",\"number1\":1}");
        return new Library(tenant, api, spaceB, spaceBName);
    }

    private static void register(Api api, Tenant tenant, int space, String id, String metadata) {
        String origin = origin().serveImage("/" + tenant.name() + "/" + id + ".jpg", "image/jpeg", Fixtures.jpeg(48, 32));
        String body = metadata.replaceFirst("^\\{", "{\"origin\":\"" + origin + "\"" + (metadata.equals("{}") ? "" : ","));
        Response registered = api.put("/customers/" + tenant.customer() + "/spaces/" + space + "/images/" + id, body);
        assertEquals(201, registered.getStatus(), registered.readEntity(String.class));
    }

    private static JsonObject queued(Tenant tenant, String id, String origin, int page) {
        return Json.createObjectBuilder().add("id", id).add("space", tenant.space()).add("origin", origin)
                .add("number1", page).build();
    }

    /** The image ids of the canvases of the query's v3 manifest, in order. */
    private List<String> canvases(Object customer, String query, Object... parameters) {
        StringBuilder path = new StringBuilder("/iiif-resource/v3/" + customer + "/" + query);
        for (Object parameter : parameters) {
            path.append('/').append(parameter);
        }
        Response response = Api.anonymous(base).get(path.toString());
        JsonObject manifest = json(response);
        assertEquals(200, response.getStatus(), manifest.toString());
        return manifest.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(canvas -> {
            String id = canvas.getString("id");
            assertTrue(id.matches(".*/iiif-img/[^/]+/\\d+/[^/]+/canvas"), id);
            String[] segments = id.split("/");
            return segments[segments.length - 2];
        }).toList();
    }

    private void expectStatus(String path, int status, String detailPart) {
        Response response = Api.anonymous(base).get(path);
        String body = response.readEntity(String.class);
        assertEquals(status, response.getStatus(), body);
        assertTrue(body.contains(detailPart), body);
    }
}
