package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.CutShort;
import dlcs.it.TestOrigin.Redirect;
import dlcs.it.TestOrigin.Stall;
import dlcs.it.TestOrigin.Status;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input gets a clear Hydra error (status, title, a detail that says what to
 * fix, no stack trace) and changes nothing: no row, no file, and a failed re-registration
 * leaves the previous derivative serving.
 */
class BadInputIT extends ServerTest {

    @Test
    void malformedJsonAndWrongTypesAreNamed() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String url = origin().serveImage("/" + tenant.name() + "/ok.jpg", "image/jpeg", Fixtures.jpeg(100, 100));
        expectError(api.put(tenant.imagePath("m1"), "{\"origin\": \"" + url + "\""), 400, "JSON");
        expectError(api.put(tenant.imagePath("m2"), "[1,2]"), 400, "JSON object");
        expectError(api.put(tenant.imagePath("m3"), "{\"origin\":\"" + url + "\",\"number1\":\"abc\"}"), 400, "number1");
        expectError(api.put(tenant.imagePath("m4"), "{\"origin\":\"" + url + "\",\"tags\":\"a,b\"}"), 400, "tags");
        expectError(api.put(tenant.imagePath("m5"), "{\"origin\":\"" + url + "\",\"string1\":5}"), 400, "string1");
        expectError(api.put(tenant.imagePath("m6"), "{\"origin\":\"" + url + "\",\"number2\":-3}"), 400, "number2");
        expectError(api.put(tenant.imagePath("m7"), "{\"origin\":\"" + url + "\",\"number3\":1.5}"), 400, "number3");
        expectError(api.post(tenant.spacePath().replaceAll("/spaces/.*", "/spaces"), "{\"name\":7}"), 400, "name");
        for (String id : List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7")) {
            assertNothingStored(tenant, id);
        }
    }

    @Test
    void idsOutsideUnreservedCharactersAreRefused() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String url = origin().serveImage("/" + tenant.name() + "/ok.jpg", "image/jpeg", Fixtures.jpeg(100, 100));
        String body = "{\"origin\":\"" + url + "\"}";
        for (String encoded : List.of("a%2Fb", "%2e", "a%20b", "caf%C3%A9", "x".repeat(221))) {
            Response response = api.put(tenant.imagePath(encoded), body);
            assertEquals(400, response.getStatus(), encoded);
            assertHelpful(json(response));
        }
        for (String id : List.of("..", ".", "", "a/b", "with space")) {
            expectError(api.post(tenant.spacePath() + "/images", "{\"id\":\"" + id + "\",\"origin\":\"" + url + "\"}"),
                    400, "id");
        }
        assertEquals(0, json(api.get(tenant.spacePath() + "/images")).getInt("totalItems"));
        assertEquals(201, api.put(tenant.imagePath("x".repeat(220)), body).getStatus(), "220 characters is fine");
        assertEquals(201, api.put(tenant.imagePath("A-z_0.9~"), body).getStatus());
    }

    @Test
    void unknownCustomersAndSpacesAre404AndForeignOnes403() {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Tenant other = admin.newTenant();
        expectError(admin.get("/customers/99999999/spaces"), 404, "99999999");
        expectError(admin.get("/customers/" + tenant.customer() + "/spaces/999"), 404, "999");
        expectError(tenant.api(base).put(other.imagePath("x"), "{\"origin\":\"http://127.0.0.1/x.jpg\"}"), 403, "customer");
        expectError(admin.get(tenant.imagePath("never")), 404, "never");
    }

    @Test
    void failingOriginsAreReportedAndLeaveNothing() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String p = "/" + tenant.name();
        record Case(String id, String origin, int status, String detail) {
        }
        List<Case> cases = List.of(
                new Case("missing", origin().serve(p + "/missing.jpg", new Status(404)), 400, "404"),
                new Case("broken", origin().serve(p + "/broken.jpg", new Status(503)), 502, "503"),
                new Case("slow", origin().serve(p + "/slow.jpg", new Stall(15_000)), 504, "in time"),
                new Case("html", origin().serveImage(p + "/page.jpg", "text/html", Fixtures.html()), 400, "text/html"),
                new Case("cut", origin().serve(p + "/cut.jpg", new CutShort(Fixtures.jpeg(100, 100), 100_000)), 502, "cut short"),
                new Case("truncated", origin().serveImage(p + "/trunc.jpg", "image/jpeg", Fixtures.truncatedJpeg(800, 600)),
                        400, "image/jpeg"),
                new Case("corrupt", origin().serveImage(p + "/corrupt.jpg", "image/jpeg", Fixtures.corruptJpeg()), 400, "image/jpeg"),
                new Case("bomb", origin().serveImage(p + "/bomb.png", "image/png", Fixtures.pngBomb(60000, 60000)), 400, "pixels"),
                new Case("file", "file:///etc/passwd", 400, "scheme"),
                new Case("gopher", "gopher://127.0.0.1/x.jpg", 400, "scheme"),
                new Case("metadata", "http://169.254.169.254/latest/meta-data", 400, "link-local"),
                new Case("redirected", origin().serve(p + "/redirect.jpg", new Redirect("http://169.254.169.254/x")), 400,
                        "link-local"),
                new Case("unresolvable", "http://no-such-host.invalid/x.jpg", 400, "resolve"),
                new Case("notaurl", "http://exa mple.org/x.jpg", 400, "valid URL"));
        for (Case c : cases) {
            Response response = api.put(tenant.imagePath(c.id()), "{\"origin\":\"" + c.origin() + "\"}");
            JsonObject error = expectError(response, c.status(), c.detail());
            assertFalse(error.getString("detail").contains("Exception"), error.toString());
            assertNothingStored(tenant, c.id());
        }
        assertEquals(0, Storage.temporaryFiles(), "no temporary master left behind");
    }

    @Test
    void aFailedReRegistrationLeavesThePreviousDerivativeServing() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String good = origin().serveImage("/" + tenant.name() + "/good.jpg", "image/jpeg", Fixtures.jpeg(400, 200));
        assertEquals(201, api.put(tenant.imagePath("keep"), "{\"origin\":\"" + good + "\",\"string1\":\"v1\"}").getStatus());
        Path version = Storage.versions(tenant, "keep").get(0);

        String bad = origin().serveImage("/" + tenant.name() + "/bad.jpg", "image/jpeg", Fixtures.truncatedJpeg(500, 500));
        expectError(api.put(tenant.imagePath("keep"), "{\"origin\":\"" + bad + "\",\"string1\":\"v2\"}"), 400, "image/jpeg");
        expectError(api.patch(tenant.imagePath("keep"), "{\"origin\":\"" + origin().url("/nothing-here.jpg") + "\"}"),
                400, "404");

        JsonObject image = json(api.get(tenant.imagePath("keep")));
        assertEquals(400, image.getInt("width"));
        assertEquals("v1", image.getString("string1"));
        assertEquals(good, image.getString("origin"));
        assertEquals(List.of(version), Storage.versions(tenant, "keep"));
        assertEquals(400, json(api.get(tenant.servicePath("keep") + "/info.json")).getInt("width"));
        assertEquals(200, api.get(tenant.servicePath("keep") + "/full/max/0/default.jpg").getStatus());
    }

    @Test
    void unknownPathsAndMethodsAnswerInHydraToo() {
        Api admin = Api.admin(base);
        expectError(admin.get("/no/such/thing"), 404, "path");
        expectError(admin.request("/customers").method("DELETE"), 405, "method");
        expectError(admin.request("/customers").post(jakarta.ws.rs.client.Entity.entity("x", "text/plain")), 415, "application/json");
    }

    private void assertNothingStored(Tenant tenant, String id) {
        assertEquals(404, tenant.api(base).get(tenant.imagePath(id)).getStatus(), id + " has no row");
        assertTrue(Storage.versions(tenant, id).isEmpty(), id + " has no files");
    }

    static JsonObject expectError(Response response, int status, String detailMentions) {
        assertEquals(status, response.getStatus());
        JsonObject error = json(response);
        assertHelpful(error);
        assertEquals(status, error.getInt("status"));
        assertTrue(error.getString("detail").contains(detailMentions),
                "'" + error.getString("detail") + "' should mention '" + detailMentions + "'");
        return error;
    }

    static void assertHelpful(JsonObject error) {
        assertEquals("Error", error.getString("@type"));
        assertFalse(error.getString("title").isBlank());
        assertFalse(error.getString("detail").isBlank());
        assertFalse(error.toString().contains("\tat "), "no stack trace");
        assertFalse(error.toString().contains("at dlcs."), "no stack trace");
    }
}
