package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Entity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What protects keys and browsers, over HTTP in the real server: failed sign-ins throttled per
 * key and per client address (429 with Retry-After), an unknown key as slow to refuse as a known
 * one, and the security headers of the API, the portal and the IIIF services.
 *
 * <p>The throttle counts by the connection's address, so these tests connect from addresses of
 * their own on the loopback network (127.77.x.y), and the wrong secrets they send trip nothing
 * for the other tests, which all connect from 127.0.0.1.
 */
class SecurityHeadersIT extends ServerTest {

    /** The defaults of dlcs.auth.max-failures and dlcs.auth.max-failures-per-address. */
    private static final int MAX_FAILURES = 5;
    private static final int MAX_FAILURES_PER_ADDRESS = 20;

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 200) * 256);

    /** An answer as it came over the wire, and how long it took. */
    record Reply(int status, Map<String, String> headers, String body, long nanos) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A loopback address no other request of this run has come from. */
    private static InetAddress freshAddress() throws IOException {
        int n = NEXT_ADDRESS.incrementAndGet();
        return InetAddress.getByAddress(new byte[]{127, 77, (byte) (n >> 8), (byte) Math.max(1, n & 0xff)});
    }

    /** A GET of {@code path} from {@code from}, with {@code key:secret} unless key is null. */
    private Reply get(InetAddress from, String path, String key, String secret) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(60_000);
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAccept: application/json, */*\r\nConnection: close\r\n");
            if (key != null) {
                request.append("Authorization: Basic ").append(Base64.getEncoder()
                        .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            request.append("\r\n");
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = line(in);
            Map<String, String> headers = new TreeMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            long nanos = System.nanoTime() - start;
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(Integer.parseInt(status.split(" ")[1]), headers, body, nanos);
        }
    }

    private Reply get(String path) throws IOException {
        return get(freshAddress(), path, null, null);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The connection closed in the middle of the headers");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String customerPath(Tenant tenant) {
        return "/customers/" + tenant.customer();
    }

    @Test
    void wrongSecretsForOneKeyAreThrottledThenTheRightSecretWorksAgainOnceTheBackOffHasPassed() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        String path = customerPath(tenant);
        assertEquals(200, get(freshAddress(), path, tenant.key(), tenant.secret()).status());
        // wrong secrets from as many addresses: the key is what is counted
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(401, get(freshAddress(), path, tenant.key(), "wrong-" + i).status(), "attempt " + (i + 1));
        }
        Reply throttled = get(freshAddress(), path, tenant.key(), tenant.secret());
        assertEquals(429, throttled.status(), "refused even with the right secret while the back-off lasts");
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "the first back-off is dlcs.auth.lockout-seconds (1): " + retryAfter);
        JsonObject error = body(throttled);
        assertEquals(429, error.getInt("status"));
        assertTrue(error.getString("detail").contains("try again in " + retryAfter + " second"), error.getString("detail"));
        assertEquals(200, Api.admin(base).get(path).getStatus(), "another key is not throttled");

        Thread.sleep(retryAfter * 1000 + 200);
        assertEquals(200, get(freshAddress(), path, tenant.key(), tenant.secret()).status(),
                "accepted once the back-off has passed");
        // the success started the count again: as many wrong secrets are refused as 401 once more
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(401, get(freshAddress(), path, tenant.key(), "wrong-again-" + i).status());
        }
    }

    @Test
    void wrongSecretsFromOneAddressAreThrottledWhateverTheKeys() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        String path = customerPath(tenant);
        InetAddress attacker = freshAddress();
        for (int i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
            assertEquals(401, get(attacker, path, UUID.randomUUID().toString(), "guess").status(), "attempt " + (i + 1));
        }
        Reply throttled = get(attacker, path, tenant.key(), tenant.secret());
        assertEquals(429, throttled.status(), "the address is throttled, even with a right key and secret");
        assertNotNull(throttled.header("Retry-After"));
        assertEquals(200, get(freshAddress(), path, tenant.key(), tenant.secret()).status(),
                "the same key from another address works: the key was not attacked");
    }

    @Test
    void anUnknownKeyTakesAsLongToRefuseAsAKnownOne() throws Exception {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        int attempts = 15;
        List<String> known = new ArrayList<>();
        for (int i = 0; i <= attempts; i++) {
            known.add(Api.json(admin.request(customerPath(tenant) + "/keys").post(Entity.json(""))).getString("key"));
        }
        String path = customerPath(tenant);
        // one of each first, uncounted: the first requests of a path are slower
        get(freshAddress(), path, known.get(attempts), "wrong");
        get(freshAddress(), path, UUID.randomUUID().toString(), "wrong");
        long[] knownNanos = new long[attempts];
        long[] unknownNanos = new long[attempts];
        // each attempt from an address of its own and for a key of its own: nothing is throttled
        for (int i = 0; i < attempts; i++) {
            Reply forKnown = get(freshAddress(), path, known.get(i), "wrong-secret");
            Reply forUnknown = get(freshAddress(), path, UUID.randomUUID().toString(), "wrong-secret");
            assertEquals(401, forKnown.status());
            assertEquals(401, forUnknown.status());
            assertEquals(body(forKnown).getString("detail"), body(forUnknown).getString("detail"), "the same words");
            knownNanos[i] = forKnown.nanos();
            unknownNanos[i] = forUnknown.nanos();
        }
        double knownMs = median(knownNanos) / 1e6;
        double unknownMs = median(unknownNanos) / 1e6;
        System.out.printf("Wrong secret, median of %d: known key %.1f ms, unknown key %.1f ms%n", attempts, knownMs,
                unknownMs);
        assertTrue(unknownMs >= knownMs / 2, "an unknown key (" + unknownMs + " ms) is refused as slowly as a known one ("
                + knownMs + " ms)");
    }

    private static JsonObject body(Reply reply) {
        try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
            return reader.readObject();
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static void assertOnEveryResponse(Reply reply, String what) {
        assertEquals("nosniff", reply.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", reply.header("Referrer-Policy"), what);
    }

    private static void assertNotFramable(Reply reply, String what) {
        assertEquals("DENY", reply.header("X-Frame-Options"), what);
        assertTrue(reply.header("Content-Security-Policy") != null
                && reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"), what + ": "
                + reply.header("Content-Security-Policy"));
    }

    /**
     * A plain-text connection is never upgraded to HTTP/2 ("h2c"): behind a reverse proxy that
     * passes the Upgrade header on, an upgraded connection is a tunnel the proxy no longer reads
     * (h2c smuggling), and Undertow's upgrade path has garbled large bodies into frames the client
     * refused. Browsers only speak HTTP/2 over TLS, where the proxy terminates it.
     */
    @Test
    void aPlainConnectionIsNotUpgradedToHttp2() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "portal/"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version(), "the client asked for h2c; the server stays on HTTP/1.1");
    }

    @Test
    void theApiIsNeitherSniffedNorFramedAndSendsNoReferrer() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Reply entry = get("/");
        Reply unauthenticated = get("/customers");
        Reply customer = get(freshAddress(), customerPath(tenant), tenant.key(), tenant.secret());
        Reply missing = get(freshAddress(), customerPath(tenant) + "/spaces/999", tenant.key(), tenant.secret());
        assertEquals(200, entry.status());
        assertEquals(401, unauthenticated.status());
        assertEquals(200, customer.status());
        assertEquals(404, missing.status());
        for (Reply reply : List.of(entry, unauthenticated, customer, missing)) {
            assertOnEveryResponse(reply, "API " + reply.status());
            assertNotFramable(reply, "API " + reply.status());
        }
    }

    @Test
    void thePortalRunsOnlyItsOwnScriptsAndIsNeverFramed() throws Exception {
        for (String path : new String[]{"/portal/", "/portal/js/app.js", "/portal/portal.css",
                "/webjars/openseadragon/2.4.2/build/openseadragon/openseadragon.min.js", "/portal/no-such-file"}) {
            Reply reply = get(path);
            assertOnEveryResponse(reply, path);
            assertNotFramable(reply, path);
            String policy = reply.header("Content-Security-Policy");
            for (String directive : new String[]{"default-src 'self'", "script-src 'self'", "object-src 'none'",
                    "base-uri 'none'", "frame-ancestors 'none'"}) {
                assertTrue(policy.contains(directive), path + " has " + directive + ": " + policy);
            }
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        }
        String page = get("/portal/").body();
        assertFalse(page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script in index.html");
        assertFalse(page.matches("(?s).*\\son[a-z]+\\s*=.*"), "no inline event handler in index.html");
        assertFalse(page.matches("(?s).*\\sstyle\\s*=.*"), "no inline style in index.html");
    }

    /**
     * The book viewer's page, alone in the portal, admits one inline style: an empty one (the
     * hash of nothing), which Mirador fills through the CSSOM. Its scripts are as strict as the
     * portal's, and Mirador itself comes from this server under the portal's own policy.
     */
    @Test
    void theViewerPageAdmitsOnlyAnEmptyInlineStyleBeyondThePortalsPolicy() throws Exception {
        Reply portal = get("/portal/");
        Reply viewer = get("/portal/viewer.html");
        assertEquals(200, viewer.status());
        assertOnEveryResponse(viewer, "viewer");
        assertNotFramable(viewer, "viewer");
        String empty = "'sha256-" + Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(new byte[0])) + "'";
        assertEquals(portal.header("Content-Security-Policy").replace("style-src 'self';", "style-src 'self' " + empty + ";"),
                viewer.header("Content-Security-Policy"));
        assertFalse(viewer.header("Content-Security-Policy").contains("unsafe"));
        assertFalse(viewer.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script in viewer.html");
        assertFalse(viewer.body().matches("(?s).*<style.*"), "no style element in viewer.html");
        assertFalse(viewer.body().matches("(?s).*\\s(on[a-z]+|style)\\s*=.*"), "no inline handler or style in viewer.html");

        Reply mirador = get("/webjars/mirador/4.0.0/dist/mirador.min.js");
        assertEquals(200, mirador.status());
        assertEquals(portal.header("Content-Security-Policy"), mirador.header("Content-Security-Policy"));
        assertTrue(mirador.header("Content-Type").startsWith("text/javascript"));
        assertTrue(mirador.body().length() > 1_000_000, "the whole bundle");
        assertTrue(get("/webjars/mirador/4.0.0/LICENSE").body().contains("Apache License"), "its licence is served with it");
        for (String other : new String[]{"/portal/viewer.html/", "/portal/js/viewer.js", "/portal/index.html"}) {
            assertEquals(portal.header("Content-Security-Policy"), get(other).header("Content-Security-Policy"), other);
        }
    }

    @Test
    void iiifResponsesStayEmbeddableByOtherSitesButAreNotSniffed() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        assertEquals(201, tenant.api(base).request(tenant.imagePath("embedded"))
                .put(Entity.entity(Fixtures.jpeg(300, 200), "image/jpeg")).getStatus());
        String service = tenant.servicePath("embedded");
        String thumbs = "/thumbs/" + tenant.customer() + "/" + tenant.space() + "/embedded";
        for (String path : new String[]{service + "/info.json", service + "/full/max/0/default.jpg",
                service + "/0,0,100,100/100,/0/default.jpg", thumbs + "/info.json", thumbs + "/full/100,/0/default.jpg",
                service + "/full/max/0/default.webp", tenant.servicePath("no-such-image") + "/info.json"}) {
            Reply reply = get(path);
            assertOnEveryResponse(reply, path);
            assertEquals("*", reply.header("Access-Control-Allow-Origin"), path);
            assertNull(reply.header("X-Frame-Options"), path + " may be shown in another site's viewer");
            assertNull(reply.header("Content-Security-Policy"), path + " may be shown in another site's viewer");
            assertNull(reply.header("Cross-Origin-Resource-Policy"), path);
        }
    }
}
