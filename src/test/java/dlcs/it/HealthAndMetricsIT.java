package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.awaitFinished;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Status;
import dlcs.metrics.control.PrometheusText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server's health and figures as an operator's tools read them: readiness and liveness at
 * WildFly's MicroProfile Health paths on the management interface, and /metrics on the
 * application's port, whose figures move by exactly the work done between two scrapes.
 */
class HealthAndMetricsIT extends ServerTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private DeliveryClient client() {
        return new DeliveryClient(base);
    }

    /** The figures now; the scrape goes to the test's output too, for whoever reads a failure. */
    private PrometheusText scrape() {
        HttpResponse<byte[]> response = client().get("/metrics");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        System.out.println("GET /metrics:\n" + body);
        return PrometheusText.parse(body);
    }

    @Test
    void theFiguresMoveByTheWorkDone() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        byte[] jpeg = Fixtures.jpeg(600, 400);
        String good = origin().serveImage("/" + tenant.name() + "/metrics.jpg", "image/jpeg", jpeg);
        String missing = origin().serve("/" + tenant.name() + "/missing.jpg", new Status(404));
        PrometheusText before = scrape();

        JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue", collection(Batches.members()
                .add(member(tenant.space(), "good", good)).add(member(tenant.space(), "missing", missing)))));
        JsonObject finished = awaitFinished(api, Batches.path(batch), PATIENCE);
        assertEquals(1, finished.getInt("completed"), finished.toString());
        assertEquals(1, finished.getInt("errors"), finished.toString());
        String service = tenant.servicePath("good");
        DeliveryClient client = client();
        assertEquals(200, client.get(service + "/info.json").statusCode());
        assertEquals(200, client.get(service + "/0,0,256,256/256,/0/default.jpg").statusCode());
        assertEquals(200, client.get(service + "/full/100,/90/default.png").statusCode());
        assertEquals(404, client.get(tenant.servicePath("nothing-here") + "/full/max/0/default.jpg").statusCode());
        PrometheusText after = scrape();

        Map<String, Double> moved = new HashMap<>();
        moved.put("images ingested", delta(before, after, "dlcs_ingest_images_total"));
        moved.put("ingests timed", delta(before, after, "dlcs_ingest_seconds_count"));
        moved.put("404 origin as the member's error", delta(before, after, "dlcs_ingest_failures_total",
                "reason", "origin_refused", "outcome", "error"));
        moved.put("http fetches", delta(before, after, "dlcs_origin_fetch_seconds_count", "scheme", "http"));
        moved.put("http failures", delta(before, after, "dlcs_origin_fetch_failures_total", "scheme", "http"));
        moved.put("info.json", delta(before, after, "dlcs_delivery_requests_total", "kind", "info", "status", "2xx"));
        moved.put("stored tile", delta(before, after, "dlcs_delivery_requests_total", "kind", "stored_tile",
                "status", "2xx"));
        moved.put("render", delta(before, after, "dlcs_delivery_requests_total", "kind", "render", "status", "2xx"));
        moved.put("unknown image", delta(before, after, "dlcs_delivery_requests_total", "kind", "image",
                "status", "4xx"));
        moved.put("render timed", delta(before, after, "dlcs_delivery_seconds_count", "kind", "render"));
        moved.put("budget waits", delta(before, after, "dlcs_render_budget_wait_seconds_count"));
        assertEquals(Map.ofEntries(Map.entry("images ingested", 1.0), Map.entry("ingests timed", 1.0),
                Map.entry("404 origin as the member's error", 1.0), Map.entry("http fetches", 1.0),
                Map.entry("http failures", 1.0), Map.entry("info.json", 1.0), Map.entry("stored tile", 1.0),
                Map.entry("render", 1.0), Map.entry("unknown image", 1.0), Map.entry("render timed", 1.0),
                Map.entry("budget waits", 1.0)), moved);
        assertEquals(jpeg.length, delta(before, after, "dlcs_origin_fetch_bytes_total", "scheme", "http"));
        // four lookups: the image read once and then found kept twice, and one that is not there
        assertEquals(4, delta(before, after, "dlcs_cache_hits_total", "cache", "served_images")
                + delta(before, after, "dlcs_cache_misses_total", "cache", "served_images"));
        assertTrue(delta(before, after, "dlcs_cache_hits_total", "cache", "served_images") >= 2);
        assertTrue(delta(before, after, "dlcs_cache_misses_total", "cache", "tiles") >= 1, "the render decoded tiles");
        assertTrue(after.has("dlcs_ingest_queue_depth", "queue", "dead_letter"));
    }

    @Test
    void aRequestThroughAProxyIsRefusedTheFigures() {
        HttpResponse<byte[]> refused = client().get("/metrics", "X-Forwarded-For", "203.0.113.9");
        assertEquals(403, refused.statusCode());
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("dlcs.metrics.allowed-networks"));
    }

    @Test
    void readinessIsUpWithItsFourChecksAndLivenessWithItsOne() throws Exception {
        Map<String, JsonObject> ready = checks("/health/ready");
        for (String name : Set.of("database", "broker", "storage", "disk-space")) {
            assertTrue(ready.containsKey(name), name + " in " + ready.keySet());
            assertEquals("UP", ready.get(name).getString("status"), ready.get(name).toString());
        }
        assertEquals("local", ready.get("storage").getJsonObject("data").getString("type"));
        assertTrue(ready.get("disk-space").getJsonObject("data").getJsonNumber("freeBytes").longValue() > 0);
        Map<String, JsonObject> live = checks("/health/live");
        assertEquals("UP", live.get("deadlocks").getString("status"));
        assertEquals(0, live.get("deadlocks").getJsonObject("data").getInt("deadlockedThreads"));
    }

    /** The checks at a health path of the management interface, by name, once the whole answer is UP. */
    private Map<String, JsonObject> checks(String path) throws Exception {
        java.net.URL management = new java.net.URL("http", base.getHost(), 9990, "/");
        HttpResponse<byte[]> answer = new DeliveryClient(management).get(path);
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        System.out.println("GET " + path + ": " + body);
        assertEquals(200, answer.statusCode(), body);
        JsonObject health = Json.createReader(new StringReader(body)).readObject();
        assertEquals("UP", health.getString("status"), body);
        Map<String, JsonObject> byName = new HashMap<>();
        for (JsonValue check : health.getJsonArray("checks")) {
            byName.put(check.asJsonObject().getString("name"), check.asJsonObject());
        }
        return byName;
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
