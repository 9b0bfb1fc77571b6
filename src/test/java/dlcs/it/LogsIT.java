package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Bytes;
import dlcs.it.TestOrigin.Flaky;
import dlcs.it.TestOrigin.Protected;
import dlcs.it.TestOrigin.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Entity;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest and access logs, in a server of this test's own (its log is this run's alone),
 * started with {@code DLCS_LOG_FORMAT=json}: the console is JSON, one object per line, and
 * server.log stays text; both carry one line per ingest attempt (queued, immediate, uploaded;
 * completed, failed, retried) and per request, and neither holds any secret the run handled:
 * the administrator's, a customer's API key, origin credentials (HTTP Basic, an S3 secret key,
 * a password written into an origin URL), the server's S3 secret, the key that encrypts origin
 * credentials, or a token in a query string.
 */
class LogsIT {

    private static final int PORT_OFFSET = 1100;

    @TempDir
    Path work;

    @Test
    void oneLinePerIngestAndPerRequestInTextAndJsonAndNoSecret() throws Exception {
        String adminSecret = "admin-" + UUID.randomUUID();
        String ambientS3Secret = "ambient-" + UUID.randomUUID();
        String httpPassword = "basic-" + UUID.randomUUID();
        String urlPassword = "inurl-" + UUID.randomUUID();
        String queryToken = "token-" + UUID.randomUUID();
        List<String> settings = List.of("dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + adminSecret,
                "dlcs.origin.allow-loopback=true", "dlcs.origin.s3.secret-key=" + ambientS3Secret,
                "dlcs.queue.redelivery-delay-ms=200", "dlcs.queue.redelivery-multiplier=1.0");
        try (TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work, work.resolve("data"), PORT_OFFSET, settings)
                     .withEnvironment(Map.of("DLCS_LOG_FORMAT", "json"))) {
            server.start();
            Tenant tenant = Api.as(server.base(), Api.ADMIN_KEY, adminSecret).newTenant();
            Api api = tenant.api(server.base());
            String c = "customer=" + tenant.customer() + " space=" + tenant.space();
            String p = "/" + tenant.name() + "/";

            // immediate, from an origin behind HTTP Basic, with the customer's credentials
            byte[] basicJpeg = Fixtures.jpeg(300, 200);
            String basic = origin.serve(p + "basic.jpg", new Protected("reader", httpPassword,
                    new Bytes("image/jpeg", basicJpeg)));
            assertEquals(201, api.post("/customers/" + tenant.customer() + "/originStrategies",
                    Json.createObjectBuilder().add("regex", "/" + tenant.name() + "/").add("strategy",
                            "basic-http-authentication").add("credentials", Json.createObjectBuilder()
                            .add("user", "reader").add("password", httpPassword)).build().toString()).getStatus());
            assertEquals(201, api.put(tenant.imagePath("basic"), "{\"origin\":\"" + basic + "\"}").getStatus());
            // a password written into the origin is refused, and not repeated anywhere
            String inUrl = basic.replace("http://", "http://reader:" + urlPassword + "@");
            assertEquals(400, api.put(tenant.imagePath("inurl"), "{\"origin\":\"" + inUrl + "\"}").getStatus());
            // an S3 secret key in a strategy (not used: the point is that storing it logs nothing of it)
            assertEquals(201, api.post("/customers/" + tenant.customer() + "/originStrategies",
                    Json.createObjectBuilder().add("regex", "^s3://logs-bucket/").add("strategy", "s3-credentials")
                            .add("credentials", Json.createObjectBuilder().add("accessKey", "logs-access")
                                    .add("secretKey", ambientS3Secret + "-customer")).build().toString()).getStatus());
            // uploaded bytes
            byte[] uploaded = Fixtures.jpeg(120, 90);
            assertEquals(201, api.request(tenant.imagePath("up")).put(Entity.entity(uploaded, "image/jpeg")).getStatus());
            // queued: one that completes after a 500 (not a 503, which the HTTP client retries itself),
            // one the origin does not have
            String flaky = origin.serve(p + "flaky.jpg", new Flaky(1, new Status(500),
                    new Bytes("image/jpeg", Fixtures.jpeg(200, 100))));
            String missing = origin.serve(p + "missing.jpg", new Status(404));
            JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue", collection(Batches.members()
                    .add(member(tenant.space(), "flaky", flaky)).add(member(tenant.space(), "missing", missing)))));
            long batchId = Long.parseLong(Batches.path(batch).replaceAll(".*/", ""));
            JsonObject done = Batches.awaitFinished(api, Batches.path(batch), Duration.ofMinutes(2));
            assertEquals(1, done.getInt("completed"), done.toString());

            // delivery, one path with a token in its query string
            assertEquals(200, api.get(tenant.servicePath("basic") + "/info.json?access=" + queryToken).getStatus());
            assertEquals(200, api.get(tenant.servicePath("basic") + "/0,0,256,200/256,/0/default.jpg").getStatus());
            assertEquals(404, api.get(tenant.servicePath("nothing") + "/info.json").getStatus());

            // the access lines are written by the log's own thread: the last one may still be on its way
            String last = "path=" + tenant.servicePath("nothing") + "/info.json status=404";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String text = Files.readString(server.log(), StandardCharsets.ISO_8859_1);
            String console = Files.readString(server.console(), StandardCharsets.ISO_8859_1);
            while ((!text.contains(last) || !console.contains(last)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                text = Files.readString(server.log(), StandardCharsets.ISO_8859_1);
                console = Files.readString(server.console(), StandardCharsets.ISO_8859_1);
            }
            List<String> ingest = List.of(
                    c + " id=basic origin=http bytes=" + basicJpeg.length + " ms=",
                    " batch=- outcome=completed reason=-",
                    c + " id=up origin=upload bytes=" + uploaded.length + " ms=",
                    c + " id=flaky origin=http bytes=0 ms=",
                    " batch=" + batchId + " outcome=retried reason=origin_unavailable",
                    " batch=" + batchId + " outcome=completed reason=-",
                    c + " id=missing origin=http bytes=0 ms=",
                    " batch=" + batchId + " outcome=error reason=origin_refused");
            String info = "method=GET path=" + tenant.servicePath("basic") + "/info.json status=200 bytes=";
            String tile = "method=GET path=" + tenant.servicePath("basic") + "/0,0,256,200/256,/0/default.jpg status=200"
                    + " bytes=";
            String unknown = "method=GET path=" + tenant.servicePath("nothing") + "/info.json status=404 bytes=";
            List<String> access = List.of(info, tile, unknown, " client=127.0.0.1");

            List<String> textIngest = linesOf(text, "[dlcs.log.ingest]");
            List<String> textAccess = linesOf(text, "[dlcs.log.access]");
            ingest.forEach(part -> assertTrue(textIngest.stream().anyMatch(l -> l.contains(part)), part + " in " + textIngest));
            access.forEach(part -> assertTrue(textAccess.stream().anyMatch(l -> l.contains(part)), part + " in " + textAccess));

            List<String> jsonIngest = jsonMessages(console, "dlcs.log.ingest");
            List<String> jsonAccess = jsonMessages(console, "dlcs.log.access");
            ingest.forEach(part -> assertTrue(jsonIngest.stream().anyMatch(l -> l.contains(part)), part + " in " + jsonIngest));
            access.forEach(part -> assertTrue(jsonAccess.stream().anyMatch(l -> l.contains(part)), part + " in " + jsonAccess));
            assertFalse(console.contains("INFO  [dlcs.log.access]"), "the console has no text lines besides its JSON");
            assertTrue(text.contains("[dlcs.iiif.control.DeliveryWarmUp]") && text.contains("Delivery warmed up in "),
                    "the delivery path was run once at start, and said so");

            String credentialsKey = Files.readString(work.resolve("data/credentials.key")).trim();
            for (String secret : List.of(adminSecret, tenant.secret(), httpPassword, urlPassword, ambientS3Secret,
                    queryToken, credentialsKey)) {
                assertFalse(text.contains(secret), "server.log holds a secret");
                assertFalse(console.contains(secret), "the console holds a secret");
            }
        }
    }

    private static List<String> linesOf(String log, String category) {
        return log.lines().filter(line -> line.contains(category)).toList();
    }

    /** The messages of the console's JSON records from {@code logger}; every record must parse. */
    private static List<String> jsonMessages(String console, String logger) {
        List<String> messages = new ArrayList<>();
        for (String line : console.lines().filter(l -> l.startsWith("{")).toList()) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                JsonObject record = reader.readObject();
                if (logger.equals(record.getString("loggerName", ""))) {
                    messages.add(record.getString("message"));
                }
            }
        }
        return messages;
    }
}
