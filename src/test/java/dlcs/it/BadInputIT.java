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
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    void listingFiltersTakeSpacesQuotesAndEscapedCharactersAndTheirPagingLinksKeepThem() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String url = origin().serveImage("/" + tenant.name() + "/filtered.jpg", "image/jpeg", Fixtures.jpeg(64, 64));
        Map<String, String> catalogue = Map.of("ms42", "MS 42", "quoted", "say \"hi\"", "signs", "A&B+C=D%");
        catalogue.forEach((id, string1) -> assertEquals(201, api.put(tenant.imagePath(id), Json.createObjectBuilder()
                .add("origin", url).add("string1", string1).build().toString()).getStatus(), id));
        String images = tenant.spacePath() + "/images";
        assertListed(api, images + "?string1=MS%2042", "ms42");
        assertListed(api, images + "?string1=MS+42", "ms42");
        assertListed(api, images + "?string1=say%20%22hi%22", "quoted");
        assertListed(api, images + "?string1=A%26B%2BC%3DD%25", "signs");
        assertListed(api, images + "?string1=%22");
        assertListed(api, images + "?q=%7B%22string1%22%3A%22A%26B%2BC%3DD%25%22%7D&orderBy=-id&pageSize=2", "signs");
        assertListed(api, images + "?orderByDescending=id&pageSize=2", "signs", "quoted");
        expectError(api.get(images + "?q=%7B%22match%22%3A%7B%7D%7D"), 400, "match");
        assertListed(api, images + "?tag=%25&string1='%20or%201=1--");
        assertListed(api, images + "?tag=a_b%5C&number1=0");

        JsonObject error = expectError(api.get(images + "?orderBy=id%3B%20drop%20table%20image"), 400, "orderBy");
        assertTrue(error.getString("detail").contains("id; drop table image"), error.toString());
        expectError(api.get(images + "?orderBy=string1%20desc%2C%20(select%201)"), 400, "orderBy");
        expectError(api.get(images + "?string1=" + "x".repeat(1001)), 400, "string1");
        expectError(api.get(images + "?tag=a%2Cb"), 400, "tag");

        String customer = "/customers/" + tenant.customer();
        for (String listing : List.of("/customers", customer + "/spaces", customer + "/keys", customer + "/originStrategies",
                customer + "/queue/batches", customer + "/queue/active", customer + "/queue/recent")) {
            Response listed = api.get(listing + "?pageSize=1&page=1");
            assertEquals(200, listed.getStatus(), listing);
            assertEquals("Collection", json(listed).getString("@type"), listing);
            expectError(api.get(listing + "?page=1&x%20%22%7B=a%20b"), 400, "'x \"{'");
        }
        expectError(api.get(customer + "/spaces?page=1%20or%201"), 400, "page");
        expectError(api.get(customer + "/queue/priority?x=%22"), 400, "takes no query parameters");

        RawHttp http = RawHttp.as(base, tenant.key(), tenant.secret());
        assertEquals(200, http.send(http.request(images + "/ms%34%32")).statusCode(), "escaped letters name the image");
        expectError(http.send(http.request(images + "/ms42%3Fx")), 404, "ms42?x");
        expectError(http.send(http.request(images + "/ms42%3B")), 404, "ms42;");
        expectError(http.send(http.request(customer + "/queue/%F0%9F%99%82%3F%E1%9A%B9%0A")), 404, "path");
    }

    /** The listing answers exactly {@code ids}, and its first-page link answers them again. */
    private void assertListed(Api api, String path, String... ids) {
        Response listed = api.get(path);
        assertEquals(200, listed.getStatus(), path);
        JsonObject page = json(listed);
        assertEquals(List.of(ids), page.getJsonArray("member").stream()
                .map(member -> member.asJsonObject().getString("id")).toList(), path);
        String first = page.getJsonObject("view").getString("first");
        JsonObject again = json(api.get(first.substring(api.url("").length())));
        assertEquals(page.getJsonArray("member"), again.getJsonArray("member"), first);
    }

    @Test
    void valuesLongerThanTheirFieldsHoldAre400sNamingFieldAndLimitAndChangeNothing() {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Api api = tenant.api(base);
        String customer = "/customers/" + tenant.customer();
        String url = origin().serveImage("/" + tenant.name() + "/long.jpg", "image/jpeg", Fixtures.jpeg(64, 64));
        assertEquals(201, api.put(tenant.imagePath("kept"), "{\"origin\":\"" + url + "\",\"tags\":[\"a\"]}").getStatus());
        JsonObject image = json(api.get(tenant.imagePath("kept")));
        JsonObject space = json(api.get(tenant.spacePath()));
        JsonObject owner = json(api.get(customer));

        String fiftyLongTags = strings(50, 96);
        JsonObject error = expectError(api.patch(tenant.imagePath("kept"), "{\"tags\":" + fiftyLongTags + "}"), 400, "tags");
        assertTrue(error.getString("detail").contains("4851") && error.getString("detail").contains("2000"), error.toString());
        expectError(api.patch(tenant.imagePath("kept"), "{\"roles\":" + fiftyLongTags + "}"), 400, "roles");
        assertEquals(200, api.patch(tenant.imagePath("kept"), "{\"tags\":" + strings(19, 100) + "}").getStatus(),
                "19 tags of 100 characters fit");
        assertEquals(200, api.patch(tenant.imagePath("kept"), "{\"tags\":[\"a\"]}").getStatus());
        expectError(api.put(tenant.imagePath("far"), "{\"origin\":\"" + url + "?" + "x".repeat(2100) + "\"}"), 400,
                "at most 2000");
        expectError(api.post(customer + "/spaces", "{\"name\":\"" + "n".repeat(1000) + "\"}"), 400, "at most 200");
        expectError(api.patch(tenant.spacePath(), "{\"name\":\"" + "n".repeat(201) + "\"}"), 400, "name");
        expectError(api.request(tenant.spacePath()).put(jakarta.ws.rs.client.Entity.json(
                "{\"name\":\"ok\",\"defaultTags\":" + fiftyLongTags + "}")), 400, "defaultTags");
        expectError(api.patch(customer, "{\"displayName\":\"" + "d".repeat(5000) + "\"}"), 400, "displayName");
        expectError(admin.post("/customers", "{\"name\":\"long-" + tenant.name() + "\",\"displayName\":\""
                + "d".repeat(501) + "\"}"), 400, "at most 500");
        expectError(api.post(customer + "/queue", "{\"@type\":\"Collection\",\"member\":[{\"id\":\"far\",\"space\":"
                + tenant.space() + ",\"origin\":\"" + url + "?" + "x".repeat(5000) + "\"}]}"), 400, "Member 0");
        expectError(api.post(customer + "/originStrategies", "{\"regex\":\"^https://big/\","
                + "\"strategy\":\"basic-http-authentication\",\"credentials\":{\"user\":\"u\",\"password\":\""
                + "p".repeat(20_000) + "\"}}"), 400, "credentials");

        assertEquals(image, json(api.get(tenant.imagePath("kept"))));
        assertEquals(space, json(api.get(tenant.spacePath())));
        assertEquals(owner, json(api.get(customer)));
        assertNothingStored(tenant, "far");
        assertEquals(1, json(api.get(customer + "/spaces")).getInt("totalItems"));
        assertEquals(0, json(api.get(customer + "/queue/batches")).getInt("totalItems"));
        assertEquals(0, json(api.get(customer + "/originStrategies")).getInt("totalItems"));
        assertEquals(404, admin.get("/customers/long-" + tenant.name()).getStatus());
    }

    /** A JSON array of {@code count} distinct strings of {@code length} characters. */
    private static String strings(int count, int length) {
        var array = Json.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            array.add(String.format("%03d", i) + "t".repeat(length - 3));
        }
        return array.build().toString();
    }

    @Test
    void jsonBodiesOverTheirLimitAre413AndImageBytesKeepTheirOwnLimit() {
        Tenant tenant = Api.admin(base).newTenant();
        RawHttp http = RawHttp.as(base, tenant.key(), tenant.secret());
        String spaces = "/customers/" + tenant.customer() + "/spaces";
        byte[] twelveMiB = ("{\"name\":\"" + "x".repeat(12 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> sized = http.send(http.request(spaces).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(twelveMiB)));
        JsonObject error = expectError(sized, 413, "dlcs.api.max-json-bytes");
        assertTrue(error.getString("detail").contains(twelveMiB.length + " bytes")
                && error.getString("detail").contains("1048576"), error.toString());
        HttpResponse<String> chunked = http.send(http.request(spaces).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twelveMiB))));
        expectError(chunked, 413, "1048576");

        StringBuilder batch = new StringBuilder("{\"@type\":\"Collection\",\"member\":[");
        for (int i = 0; i < 1000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"id\":\"b").append(i).append("\",\"space\":").append(tenant.space())
                    .append(",\"origin\":\"http://10.0.0.1/").append(i).append(".jpg\",\"string1\":\"")
                    .append("s".repeat(1000)).append("\",\"string2\":\"").append("s".repeat(1000)).append("\"}");
        }
        assertTrue(batch.length() > 1 << 20, "a batch of 1,000 members may be larger than other JSON bodies");
        HttpResponse<String> large = http.send(http.request("/customers/" + tenant.customer() + "/queue")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch + "]}")));
        expectError(large, 400, "Member 0 (id 'b0'): The origin host '10.0.0.1'");

        byte[] notAnImage = new byte[3 << 20];
        Arrays.fill(notAnImage, (byte) 'x');
        HttpResponse<String> bytes = http.send(http.request(tenant.imagePath("raw")).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(notAnImage)));
        assertEquals(400, bytes.statusCode(), bytes.body());

        Api api = tenant.api(base);
        assertEquals(1, json(api.get(spaces)).getInt("totalItems"));
        assertEquals(0, json(api.get("/customers/" + tenant.customer() + "/queue/batches")).getInt("totalItems"));
        assertNothingStored(tenant, "raw");
    }

    @Test
    void headersAndJsonThatCannotBeReadAre400sThatSayWhy() {
        Tenant tenant = Api.admin(base).newTenant();
        RawHttp http = RawHttp.as(base, tenant.key(), tenant.secret());
        String spaces = "/customers/" + tenant.customer() + "/spaces";
        expectError(http.send(http.request(tenant.spacePath()).header("Accept", "*/*;q=x")), 400, "Accept");
        expectError(http.send(http.request(spaces).header("Content-Type", "application")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))), 400, "Content-Type");
        expectError(http.send(http.request(spaces).header("Accept", "application/json, ,")), 400, "Accept");
        expectError(http.send(http.request(tenant.imagePath("parts")).header("Content-Type", "multipart/form-data")
                .PUT(HttpRequest.BodyPublishers.ofString("--x\r\n\r\n--x--"))), 400, "boundary");
        expectError(http.send(http.request(tenant.imagePath("part")).header("Content-Type", "multipart/form-data; boundary=b")
                .PUT(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n"
                        + "Content-Type: x\r\n\r\nbytes\r\n--b--\r\n"))), 400, "multipart/form-data");
        expectError(http.send(http.request(tenant.imagePath("any")).header("Content-Type", "*/*")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"origin\":\"http://10.0.0.1/a.jpg\"}"))), 400, "Content-Type");
        expectError(http.send(http.request(tenant.spacePath()).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"merged\"}"))), 415, "application/json");
        expectError(http.send(http.request(spaces).header("Accept-Language", "en;q=x")), 400, "Accept-Language");
        expectError(http.send(http.request(spaces).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}"))),
                400, "JSON");
        expectError(tenant.api(base).post("/customers/" + tenant.customer() + "/queue", "{\"member\":[{\"id\":\"a\","
                + "\"space\":18446744073709551617,\"origin\":\"http://10.0.0.1/a.jpg\"}]}"), 400, "space is too large");
        assertEquals(1, json(tenant.api(base).get(spaces)).getInt("totalItems"));
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
        return expectError(json(response), status, detailMentions);
    }

    static JsonObject expectError(HttpResponse<String> response, int status, String detailMentions) {
        assertEquals(status, response.statusCode(), response.body());
        return expectError(RawHttp.json(response), status, detailMentions);
    }

    private static JsonObject expectError(JsonObject error, int status, String detailMentions) {
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
