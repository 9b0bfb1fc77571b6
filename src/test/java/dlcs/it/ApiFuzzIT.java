package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.ApiFuzzer.FuzzRequest;
import dlcs.it.ApiFuzzer.Targets;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Sends thousands of generated and mutated requests ({@link ApiFuzzer}) to the real server, a few
 * at a time, and checks four things: no answer is a 5xx (but the 501 that the IIIF Image API asks
 * for a feature a service does not offer, such as a region of a level 0 thumbnail); no answer
 * carries a stack trace or an exception's name; every refusal with a body is a JSON error with a
 * detail; and a refused request changes nothing stored. For the last, the tenant's data
 * (the customer, its keys, spaces, all their images with their metadata, its origin strategies and
 * its batches, read by the administrator, and the number of customers) is fingerprinted before and
 * after each round of 100
 * requests; a round in which every write was refused must leave the fingerprint as it was. A round
 * in which a write was accepted takes a new fingerprint, once the queue is idle. Three rounds in
 * four make every write hostile (carrying a mutation the API must refuse), so that most rounds
 * are checked.
 *
 * <p>The Random is seeded: the seed is printed, and {@code -Dfuzz.seed=...} replays a run (the
 * requests are the same; the order the server sees them in within a round may differ).
 * {@code -Dfuzz.requests=...} sends more or fewer than 5,000.
 */
class ApiFuzzIT extends ServerTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 5000);
    private static final int ROUND = 100;
    private static final int IN_FLIGHT = 4;
    /** What an answer would show of a stack trace or of the server's insides. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "jakarta.", "org.jboss",
            "org.eclipse", "org.h2", "SQL statement", "RESTEASY", "UT0");

    private RawHttp admin;
    private Tenant tenant;

    /** An answer, or the failure to get one. */
    private record Outcome(FuzzRequest request, int status, String contentType, String body, String failure) {
    }

    /** The tenant's data as the administrator reads it, and the ids paths may name. */
    private record Snapshot(String fingerprint, Targets targets) {
    }

    @Test
    void noRequestGetsA5xxOrAStackTraceAndRefusedRequestsChangeNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        System.out.println("ApiFuzzIT seed " + seed + " (replay: -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Api administrator = Api.admin(base);
        admin = RawHttp.as(base, Api.ADMIN_KEY, Api.ADMIN_SECRET);
        tenant = administrator.newTenant();
        Tenant other = administrator.newTenant();
        byte[] jpeg = Fixtures.jpeg(32, 32);
        String good = origin().serveImage("/" + tenant.name() + "/fuzz.jpg", "image/jpeg", jpeg);
        String missing = origin().url("/" + tenant.name() + "/missing.jpg");
        seed(tenant.api(base), good, missing);
        ApiFuzzer fuzzer = new ApiFuzzer(random, tenant, other, good, missing, jpeg);

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int rounds = 0;
        int checkedRounds = 0;
        int refusedAndChecked = 0;
        Snapshot baseline = settledSnapshot(good);
        try {
            for (; rounds * ROUND < REQUESTS && failures.size() < 30; rounds++) {
                fuzzer.aimAt(baseline.targets());
                List<Outcome> outcomes = send(fuzzer, rounds % 4 != 3, pool);
                for (Outcome outcome : outcomes) {
                    statuses.merge(outcome.status(), 1, Integer::sum);
                    String wrong = wrongIn(outcome);
                    if (wrong != null) {
                        failures.add(wrong + ": " + outcome.request() + " -> " + outcome.status() + " "
                                + shorten(outcome.body()));
                    }
                }
                if (outcomes.stream().anyMatch(o -> o.request().write() && o.status() < 300)) {
                    baseline = settledSnapshot(good);
                    continue;
                }
                Snapshot after = snapshot();
                checkedRounds++;
                refusedAndChecked += (int) outcomes.stream().filter(o -> o.status() >= 400).count();
                if (!after.fingerprint().equals(baseline.fingerprint())) {
                    failures.add("A round of refused requests changed the tenant's data: " + difference(
                            baseline.fingerprint(), after.fingerprint()) + "; the round's writes: " + outcomes.stream()
                            .filter(o -> o.request().write()).map(o -> o.request() + " -> " + o.status()).toList());
                    baseline = after;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int sent = rounds * ROUND;
        System.out.printf("ApiFuzzIT seed %d: %d requests in %d rounds (%d checked for changes, covering %d refused"
                        + " requests) in %.1f s; statuses %s%n", seed, sent, rounds, checkedRounds, refusedAndChecked,
                (System.nanoTime() - start) / 1e9, statuses);
        failures.forEach(failure -> System.out.println("ApiFuzzIT: " + failure));
        assertEquals(List.of(), failures, "seed " + seed);
        assertTrue(refusedAndChecked >= sent / 3, "too few refused requests were checked for changes: "
                + refusedAndChecked + " of " + sent + " (seed " + seed + ")");
    }

    /** One round: {@link #ROUND} requests, {@link #IN_FLIGHT} at a time; every write refused if {@code hostile}. */
    private List<Outcome> send(ApiFuzzer fuzzer, boolean hostile, ExecutorService pool) throws Exception {
        List<Callable<Outcome>> round = new ArrayList<>();
        for (int i = 0; i < ROUND; i++) {
            FuzzRequest request = fuzzer.next(hostile);
            round.add(() -> send(request));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : pool.invokeAll(round)) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    /** Something for every path to name: two spaces, images, a strategy, a finished batch, a second key. */
    private void seed(Api api, String good, String missing) {
        String customer = "/customers/" + tenant.customer();
        assertEquals(201, api.post(customer + "/spaces", "{\"name\":\"second\",\"defaultTags\":[\"d\"]}").getStatus());
        for (String id : List.of("seed-1", "seed-2")) {
            assertEquals(201, api.put(tenant.imagePath(id), "{\"origin\":\"" + good + "\",\"string1\":\"MS 42\","
                    + "\"number1\":1,\"tags\":[\"a\",\"b\"]}").getStatus(), id);
        }
        assertEquals(201, api.post(customer + "/originStrategies", "{\"regex\":\"^https://seed\\\\.example/\","
                + "\"strategy\":\"basic-http-authentication\",\"credentials\":{\"user\":\"u\",\"password\":\"p\"}}")
                .getStatus());
        assertEquals(201, api.post(customer + "/queue", "{\"member\":[{\"id\":\"queued\",\"space\":" + tenant.space()
                + ",\"origin\":\"" + good + "\"},{\"id\":\"lost\",\"space\":" + tenant.space() + ",\"origin\":\""
                + missing + "\"}]}").getStatus());
        assertEquals(201, api.request(customer + "/keys").post(jakarta.ws.rs.client.Entity.json("")).getStatus());
    }

    private Outcome send(FuzzRequest request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path().substring(1)))
                    .timeout(Duration.ofSeconds(60));
            for (String[] header : request.headers()) {
                builder.header(header[0], header[1]);
            }
            HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : request.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                    : HttpRequest.BodyPublishers.ofByteArray(request.body());
            HttpResponse<byte[]> response = RawHttp.CLIENT.send(builder.method(request.method(), body).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Outcome(request, response.statusCode(), type, new String(response.body(), StandardCharsets.UTF_8),
                    null);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(request, 0, "", "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(request, 0, "", "", e.toString());
        }
    }

    /** What is wrong with an answer, or null. */
    private static String wrongIn(Outcome outcome) {
        if (outcome.failure() != null) {
            return "No answer (" + outcome.failure() + ")";
        }
        boolean iiif = outcome.request().path().startsWith("/iiif-img") || outcome.request().path().startsWith("/thumbs");
        if (outcome.status() >= 500 && !(iiif && outcome.status() == 501)) {
            return "A server error";
        }
        boolean text = outcome.contentType().isEmpty() || outcome.contentType().contains("json")
                || outcome.contentType().startsWith("text/");
        if (text) {
            for (String leak : LEAKS) {
                if (outcome.body().contains(leak)) {
                    return "The answer shows '" + leak.trim() + "'";
                }
            }
        }
        if (outcome.status() >= 400 && !outcome.body().isEmpty()) {
            JsonObject error;
            try {
                error = RawHttp.json(outcome.body(), "status " + outcome.status());
            } catch (AssertionError e) {
                return "A refusal that is not a JSON error";
            }
            if (error.getString("detail", "").isBlank() || !iiif && !"Error".equals(error.getString("@type", ""))) {
                return "A refusal without a detail";
            }
        }
        return null;
    }

    /**
     * A fingerprint once the queues (the normal one and the priority one, each with its own
     * counts) have nothing left to do, with a space and an image to aim at.
     */
    private Snapshot settledSnapshot(String good) throws InterruptedException {
        String queue = "/customers/" + tenant.customer() + "/queue";
        for (String waiting : List.of(queue, queue + "/priority")) {
            for (int i = 0; i < 300 && get(waiting).getInt("size") > 0; i++) {
                Thread.sleep(100);
            }
            assertEquals(0, get(waiting).getInt("size"), waiting + " did not finish its work");
        }
        Snapshot snapshot = snapshot();
        if (snapshot.targets().spaces().isEmpty() || snapshot.targets().images().values().stream().allMatch(List::isEmpty)) {
            Api api = tenant.api(base);
            int space = snapshot.targets().spaces().isEmpty()
                    ? Api.json(api.post("/customers/" + tenant.customer() + "/spaces", "{\"name\":\"again-"
                    + System.nanoTime() + "\"}")).getInt("id") : snapshot.targets().spaces().get(0);
            assertEquals(201, api.put("/customers/" + tenant.customer() + "/spaces/" + space + "/images/again-"
                    + System.nanoTime(), "{\"origin\":\"" + good + "\"}").getStatus());
            snapshot = snapshot();
        }
        return snapshot;
    }

    /** The tenant's data as the administrator reads it. */
    private Snapshot snapshot() {
        String customer = "/customers/" + tenant.customer();
        StringBuilder fingerprint = new StringBuilder();
        fingerprint.append(get("/customers?pageSize=1").getInt("totalItems")).append(" customers\n");
        fingerprint.append(get(customer)).append('\n');
        List<String> keys = new ArrayList<>();
        for (JsonValue key : all(customer + "/keys", fingerprint)) {
            String id = key.asJsonObject().getString("key");
            if (!id.equals(tenant.key())) {
                keys.add(id);
            }
        }
        List<Integer> spaces = new ArrayList<>();
        Map<Integer, List<String>> images = new LinkedHashMap<>();
        for (JsonValue space : all(customer + "/spaces", fingerprint)) {
            int number = space.asJsonObject().getInt("id");
            spaces.add(number);
            images.put(number, all(customer + "/spaces/" + number + "/images", fingerprint).stream()
                    .map(image -> image.asJsonObject().getString("id")).toList());
        }
        List<String> strategies = all(customer + "/originStrategies", fingerprint).stream()
                .map(strategy -> strategy.asJsonObject().getString("id")).toList();
        List<Long> batches = all(customer + "/queue/batches", fingerprint).stream()
                .map(batch -> batch.asJsonObject().getJsonNumber("id").longValue()).toList();
        return new Snapshot(fingerprint.toString(), new Targets(spaces, images, strategies, batches, keys));
    }

    /** Every member of a collection, page by page; each page also goes into the fingerprint. */
    private List<JsonValue> all(String collection, StringBuilder fingerprint) {
        List<JsonValue> members = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonObject json = get(collection + "?pageSize=500&page=" + page);
            fingerprint.append(json).append('\n');
            members.addAll(json.getJsonArray("member"));
            if (page >= json.getJsonObject("view").getInt("totalPages")) {
                return members;
            }
        }
    }

    private JsonObject get(String path) {
        HttpResponse<String> response = admin.send(admin.request(path));
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return RawHttp.json(response);
    }

    /** Where two fingerprints part. */
    private static String difference(String before, String after) {
        int at = 0;
        while (at < Math.min(before.length(), after.length()) && before.charAt(at) == after.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 120);
        return "before ..." + before.substring(from, Math.min(before.length(), at + 200)) + "... after ..."
                + after.substring(from, Math.min(after.length(), at + 200)) + "...";
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
