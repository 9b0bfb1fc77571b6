package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.awaitFinished;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Bytes;
import dlcs.it.TestOrigin.Flaky;
import dlcs.it.TestOrigin.Slow;
import dlcs.it.TestOrigin.Status;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queued registration on the real broker inside WildFly, processed by the message-driven beans. */
class QueueIT extends ServerTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private String queuePath(Tenant tenant) {
        return "/customers/" + tenant.customer() + "/queue";
    }

    @Test
    void aBatchIsAcceptedAtOnceAndProcessedEndToEnd() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        JsonArrayBuilder members = Batches.members();
        for (int i = 0; i < 12; i++) {
            byte[] bytes = i % 3 == 0 ? Fixtures.png(200 + i, 100) : i % 3 == 1 ? Fixtures.jpeg(200 + i, 100) : Fixtures.tiff(200 + i, 100);
            String url = origin().serve("/" + tenant.name() + "/q" + i, new Slow(100, new Bytes("image/*", bytes)));
            members.add(member(tenant.space(), "q" + i, url));
        }
        Response accepted = api.post(queuePath(tenant), collection(members));
        assertEquals(201, accepted.getStatus());
        JsonObject batch = json(accepted);
        assertEquals("Batch", batch.getString("@type"));
        assertEquals(12, batch.getInt("count"));
        assertFalse(batch.containsKey("finished"));
        assertTrue(accepted.getLocation().toString().endsWith("/queue/batches/" + batch.getInt("id")));

        JsonObject image = json(api.get(tenant.imagePath("q5")));
        assertTrue(image.containsKey("queued"));
        assertEquals(batch.getString("@id"), image.getString("batch"), "an image's batch is the batch's URL");

        JsonObject done = awaitFinished(api, Batches.path(batch), PATIENCE);
        assertEquals(12, done.getInt("completed"));
        assertEquals(0, done.getInt("errors"));
        assertFalse(done.getBoolean("superseded"));
        for (int i = 0; i < 12; i++) {
            JsonObject finished = json(api.get(tenant.imagePath("q" + i)));
            assertEquals(200 + i, finished.getInt("width"));
            assertFalse(finished.getBoolean("ingesting"));
            assertTrue(finished.containsKey("dequeued"));
            assertEquals(200 + i, json(api.get(tenant.servicePath("q" + i) + "/info.json")).getInt("width"));
        }
        JsonObject queue = json(api.get(queuePath(tenant)));
        assertEquals(0, queue.getInt("imagesWaiting"));
        assertEquals(0, queue.getInt("batchesWaiting"));
        assertEquals(1, json(api.get(queuePath(tenant) + "/recent")).getInt("totalItems"));
        assertEquals(0, json(api.get(queuePath(tenant) + "/active")).getInt("totalItems"));
        assertEquals(12, json(api.get(Batches.path(batch) + "/images?status=completed")).getInt("totalItems"));
    }

    @Test
    void goodAndBadMembersAreCountedExactly() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String p = "/" + tenant.name();
        JsonArrayBuilder members = Batches.members();
        for (int i = 0; i < 6; i++) {
            members.add(member(tenant.space(), "good" + i, origin().serveImage(p + "/good" + i, "image/jpeg", Fixtures.jpeg(64, 64))));
        }
        members.add(member(tenant.space(), "missing", origin().serve(p + "/missing", new Status(404))));
        members.add(member(tenant.space(), "html", origin().serveImage(p + "/html", "text/html", Fixtures.html())));
        members.add(member(tenant.space(), "bomb", origin().serveImage(p + "/bomb", "image/png", Fixtures.pngBomb(50000, 50000))));
        members.add(member(tenant.space(), "truncated", origin().serveImage(p + "/trunc", "image/jpeg", Fixtures.truncatedJpeg(400, 300))));
        JsonObject batch = json(api.post(queuePath(tenant), collection(members)));

        JsonObject done = awaitFinished(api, Batches.path(batch), PATIENCE);
        assertEquals(10, done.getInt("count"));
        assertEquals(6, done.getInt("completed"));
        assertEquals(4, done.getInt("errors"));
        JsonObject errors = json(api.get(Batches.path(batch) + "/images?status=error"));
        assertEquals(4, errors.getInt("totalItems"));
        for (JsonObject failed : errors.getJsonArray("member").getValuesAs(JsonObject.class)) {
            assertFalse(failed.getString("error").isBlank(), failed.toString());
            assertEquals(0, failed.getInt("batchMemberAttempts"), "permanent faults are not retried: " + failed);
        }
        JsonObject missing = json(api.get(tenant.imagePath("missing")));
        assertFalse(missing.getBoolean("ingesting"));
        assertTrue(missing.getString("error").contains("404"), missing.toString());
        assertEquals(404, api.get(tenant.servicePath("missing") + "/info.json").getStatus());
    }

    @Test
    void countsStayExactUnderConcurrentWorkers() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        byte[] tiny = Fixtures.jpeg(40, 30);
        JsonArrayBuilder members = Batches.members();
        for (int i = 0; i < 300; i++) {
            members.add(member(tenant.space(), "c" + i, origin().serveImage("/" + tenant.name() + "/c" + i, "image/jpeg", tiny)));
        }
        JsonObject batch = json(api.post(queuePath(tenant), collection(members)));
        JsonObject done = awaitFinished(api, Batches.path(batch), PATIENCE);
        assertEquals(300, done.getInt("completed"));
        assertEquals(0, done.getInt("errors"));
        assertEquals(300, json(api.get(Batches.path(batch) + "/images?status=completed&pageSize=1")).getInt("totalItems"));
        assertEquals(300, json(api.get(tenant.spacePath() + "/images?pageSize=1")).getInt("totalItems"));
    }

    @Test
    void transientFaultsAreRetriedAndPermanentOnesDeadLettered() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String p = "/" + tenant.name();
        String flaky = origin().serve(p + "/flaky", new Flaky(2, new Status(503), new Bytes("image/jpeg", Fixtures.jpeg(80, 60))));
        String down = origin().serve(p + "/down", new Status(502));
        JsonArrayBuilder members = Batches.members()
                .add(member(tenant.space(), "flaky", flaky))
                .add(member(tenant.space(), "down", down));
        JsonObject batch = json(api.post(queuePath(tenant), collection(members)));

        JsonObject done = awaitFinished(api, Batches.path(batch), PATIENCE);
        assertEquals(1, done.getInt("completed"));
        assertEquals(1, done.getInt("errors"));
        assertEquals(3, origin().hits(p + "/flaky"), "two 503s, then the image");
        assertEquals(3, origin().hits(p + "/down"), "dlcs.queue.max-delivery-attempts=3 in the test server");
        JsonObject failed = json(api.get(Batches.path(batch) + "/images?status=error")).getJsonArray("member").getJsonObject(0);
        assertEquals("down", failed.getString("id"));
        assertTrue(failed.getString("error").contains("502"), failed.toString());
        assertTrue(failed.getString("error").startsWith("Gave up after 3 attempts"), failed.toString());
        assertFalse(json(api.get(tenant.imagePath("down"))).getBoolean("ingesting"), "never stuck ingesting");
    }

    @Test
    void failedMembersCanBeRetried() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String path = "/" + tenant.name() + "/later";
        String url = origin().serve(path, new Status(404));
        JsonObject batch = json(api.post(queuePath(tenant), collection(Batches.members()
                .add(member(tenant.space(), "ok", origin().serveImage("/" + tenant.name() + "/ok", "image/png", Fixtures.png(30, 30))))
                .add(member(tenant.space(), "later", url)))));
        JsonObject failed = awaitFinished(api, Batches.path(batch), PATIENCE);
        assertEquals(1, failed.getInt("errors"));

        origin().serveImage(path, "image/jpeg", Fixtures.jpeg(90, 45));
        Response retried = api.request(Batches.path(batch) + "/retry").post(Entity.json(""));
        assertEquals(200, retried.getStatus());
        JsonObject reopened = json(retried);
        assertEquals(0, reopened.getInt("errors"));
        JsonObject done = awaitFinished(api, Batches.path(batch), PATIENCE);
        assertEquals(2, done.getInt("completed"));
        assertEquals(0, done.getInt("errors"));
        assertEquals(90, json(api.get(tenant.imagePath("later"))).getInt("width"));
        assertEquals(409, api.request(Batches.path(batch) + "/retry").post(Entity.json("")).getStatus(),
                "nothing left to retry");
    }

    @Test
    void aNewerRegistrationSupersedesTheQueuedOne() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String p = "/" + tenant.name();
        String slowOld = origin().serve(p + "/old", new Slow(2500, new Bytes("image/jpeg", Fixtures.jpeg(111, 50))));
        String fastNew = origin().serveImage(p + "/new", "image/jpeg", Fixtures.jpeg(222, 50));
        String slowOther = origin().serve(p + "/other", new Slow(2500, new Bytes("image/jpeg", Fixtures.jpeg(50, 50))));
        JsonObject first = json(api.post(queuePath(tenant), collection(Batches.members()
                .add(member(tenant.space(), "x", slowOld))
                .add(member(tenant.space(), "y", slowOther)))));
        JsonObject second = json(api.post(queuePath(tenant), collection(Batches.members()
                .add(member(tenant.space(), "x", fastNew)))));
        assertEquals(200, api.put(tenant.imagePath("y"), "{\"origin\":\"" + fastNew + "\"}").getStatus(),
                "an immediate registration takes over too");

        JsonObject older = awaitFinished(api, Batches.path(first), PATIENCE);
        JsonObject newer = awaitFinished(api, Batches.path(second), PATIENCE);
        assertTrue(older.getBoolean("superseded"));
        assertEquals(2, older.getInt("supersededCount"));
        assertEquals(0, older.getInt("completed") + older.getInt("errors"));
        assertEquals(1, newer.getInt("completed"));
        Thread.sleep(5000);
        assertEquals(222, json(api.get(tenant.imagePath("x"))).getInt("width"), "the newer registration wins");
        assertEquals(222, json(api.get(tenant.imagePath("y"))).getInt("width"));
        assertEquals(1, Storage.versions(tenant, "x").size());
        assertEquals(2, json(api.get(Batches.path(first) + "/images?status=superseded")).getInt("totalItems"));
    }

    @Test
    void anImagePatchedWhileItsMemberIsFetchedDoesNotHoldUpTheBatch() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Map<String, TestOrigin.Answer> slowly = Map.of("good", new Slow(2000, new Bytes("image/jpeg",
                Fixtures.jpeg(80, 60))), "missing", new Slow(2000, new Status(404)));
        JsonArrayBuilder members = Batches.members();
        slowly.forEach((id, answer) -> members.add(member(tenant.space(), id,
                origin().serve("/" + tenant.name() + "/" + id, answer))));
        Api api = tenant.api(base);
        JsonObject batch = json(api.post(queuePath(tenant), collection(members)));
        Thread.sleep(700);
        for (String id : List.of("good", "missing")) {
            assertEquals(200, api.patch(tenant.imagePath(id), "{\"string2\":\"patched while fetched\"}").getStatus());
        }
        JsonObject done = awaitFinished(api, Batches.path(batch), Duration.ofSeconds(60));
        assertEquals(1, done.getInt("completed"));
        assertEquals(1, done.getInt("errors"));
        // recorded by the first attempt: not rolled back over the patched version and fetched again
        assertEquals(1, origin().hits("/" + tenant.name() + "/missing"));
        assertEquals(1, origin().hits("/" + tenant.name() + "/good"));
        JsonObject good = json(api.get(tenant.imagePath("good")));
        assertEquals(80, good.getInt("width"));
        assertEquals("patched while fetched", good.getString("string2"));
        JsonObject missing = json(api.get(tenant.imagePath("missing")));
        assertTrue(missing.getString("error").contains("404"), missing.toString());
        assertEquals("patched while fetched", missing.getString("string2"));
    }

    @Test
    void thePriorityQueueGoesAheadOfTheNormalOne() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        JsonArrayBuilder normal = Batches.members();
        for (int i = 0; i < 24; i++) {
            normal.add(member(tenant.space(), "n" + i, origin().serve("/" + tenant.name() + "/n" + i,
                    new Slow(400, new Bytes("image/jpeg", Fixtures.jpeg(100, 100))))));
        }
        JsonObject normalBatch = json(api.post(queuePath(tenant), collection(normal)));
        Thread.sleep(500);
        JsonArrayBuilder urgent = Batches.members();
        for (int i = 0; i < 3; i++) {
            urgent.add(member(tenant.space(), "p" + i, origin().serve("/" + tenant.name() + "/p" + i,
                    new Slow(400, new Bytes("image/jpeg", Fixtures.jpeg(100, 100))))));
        }
        Response accepted = api.post(queuePath(tenant) + "/priority", collection(urgent));
        assertEquals(201, accepted.getStatus());
        JsonObject priorityBatch = json(accepted);
        assertTrue(priorityBatch.getBoolean("priority"));

        JsonObject urgentDone = awaitFinished(api, Batches.path(priorityBatch), PATIENCE);
        JsonObject normalDone = awaitFinished(api, Batches.path(normalBatch), PATIENCE);
        assertEquals(3, urgentDone.getInt("completed"));
        assertEquals(24, normalDone.getInt("completed"));
        assertTrue(Instant.parse(urgentDone.getString("finished")).isBefore(Instant.parse(normalDone.getString("finished"))));
        JsonObject stillWaitingWhenUrgentFinished = json(api.get(Batches.path(normalBatch) + "/images?status=completed&pageSize=500"));
        long normalBeforeUrgent = stillWaitingWhenUrgentFinished.getJsonArray("member").getValuesAs(JsonObject.class).stream()
                .filter(m -> Instant.parse(m.getString("batchMemberEnded")).isBefore(Instant.parse(urgentDone.getString("finished"))))
                .count();
        assertTrue(normalBeforeUrgent < 12, "most of the normal batch waited for the priority one: " + normalBeforeUrgent);
        JsonObject priorityQueue = json(api.get(queuePath(tenant) + "/priority"));
        assertEquals(0, priorityQueue.getInt("imagesWaiting"));
        assertEquals(0, priorityQueue.getInt("batchesWaiting"));
    }

    @Test
    void oneCustomersLargeBacklogDoesNotStarveAnothersSmallBatch() throws Exception {
        Api admin = Api.admin(base);
        Tenant large = admin.newTenant();
        Tenant small = admin.newTenant();
        byte[] jpeg = Fixtures.jpeg(100, 100);
        JsonArrayBuilder backlog = Batches.members();
        for (int i = 0; i < 120; i++) {
            backlog.add(member(large.space(), "b" + i, origin().serve("/" + large.name() + "/b" + i,
                    new Slow(400, new Bytes("image/jpeg", jpeg)))));
        }
        JsonObject largeBatch = json(large.api(base).post(queuePath(large), collection(backlog)));
        Thread.sleep(500);
        JsonArrayBuilder few = Batches.members();
        for (int i = 0; i < 10; i++) {
            few.add(member(small.space(), "s" + i, origin().serve("/" + small.name() + "/s" + i,
                    new Slow(400, new Bytes("image/jpeg", jpeg)))));
        }
        JsonObject smallBatch = json(small.api(base).post(queuePath(small), collection(few)));

        JsonObject smallDone = awaitFinished(small.api(base), Batches.path(smallBatch), PATIENCE);
        JsonObject largeThen = json(large.api(base).get(Batches.path(largeBatch)));
        assertEquals(10, smallDone.getInt("completed"));
        // first come, first served would finish all 120 (16 s with three workers) before the ten
        assertTrue(largeThen.getInt("completed") < 60, "the small batch waited for only the first of the large"
                + " backlog: " + largeThen.getInt("completed") + " of 120 were done when it finished");
        assertEquals(120, awaitFinished(large.api(base), Batches.path(largeBatch), PATIENCE).getInt("completed"));
    }

    @Test
    void badBatchesAreRefusedWholeAndStoreNothing() {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Tenant other = admin.newTenant();
        Api api = tenant.api(base);
        String ok = origin().serveImage("/" + tenant.name() + "/ok", "image/jpeg", Fixtures.jpeg(10, 10));
        JsonObject good = member(tenant.space(), "fine", ok);
        record Case(String body, String mentions) {
        }
        JsonArrayBuilder tooMany = Batches.members();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(member(tenant.space(), "m" + i, ok));
        }
        List<Case> cases = List.of(
                new Case("{\"@type\":\"Image\",\"member\":[]}", "Collection"),
                new Case("{\"members\":[]}", "member"),
                new Case("[]", "JSON object"),
                new Case("{\"member\":[", "JSON"),
                new Case(collection(Batches.members()), "no members"),
                new Case(collection(tooMany), "1001"),
                new Case(collection(Batches.members().add(good).add(good)), "twice"),
                new Case(collection(Batches.members().add(good).add(member(99, "s", ok))), "no space 99"),
                new Case(collection(Batches.members().add(good).add(jakarta.json.Json.createObjectBuilder()
                        .add("id", "theirs").add("space", base + "customers/" + other.customer() + "/spaces/1")
                        .add("origin", ok))), "another customer"),
                new Case(collection(Batches.members().add(good).add(member(tenant.space(), "bad/id", ok))), "Member 1"),
                new Case(collection(Batches.members().add(good).add(jakarta.json.Json.createObjectBuilder()
                        .add("id", "").add("space", tenant.space()).add("origin", ok))), "empty"),
                new Case(collection(Batches.members().add(good).add(member(tenant.space(), "f", "file:///etc/passwd"))), "scheme"),
                new Case(collection(Batches.members().add(good).add(member(tenant.space(), "l", "http://169.254.169.254/x"))),
                        "link-local"),
                new Case(collection(Batches.members().add(good).add(jakarta.json.Json.createObjectBuilder()
                        .add("id", "n").add("space", tenant.space()).add("origin", ok).add("number1", -2))), "number1"));
        for (Case c : cases) {
            BadInputIT.expectError(api.post(queuePath(tenant), c.body()), 400, c.mentions());
        }
        assertEquals(0, json(api.get(queuePath(tenant) + "/batches")).getInt("totalItems"));
        assertEquals(0, json(api.get(tenant.spacePath() + "/images")).getInt("totalItems"));
        assertEquals(403, api.post("/customers/" + other.customer() + "/queue", collection(Batches.members().add(good)))
                .getStatus());
        assertEquals(404, api.get(queuePath(tenant) + "/batches/999999").getStatus());
    }
}
