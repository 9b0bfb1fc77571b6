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
import dlcs.it.TestOrigin.Slow;
import dlcs.it.TestOrigin.Status;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What the queues count while batches wait: each customer's two queues, the global summary for
 * administrators, and a batch's test. Members are served slowly (2 s, under the test server's
 * 3 s read timeout) so that they are still waiting when the counts are read.
 */
class QueueCountsIT extends ServerTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final long SLOW_MILLIS = 2000;

    private String queuePath(Tenant tenant) {
        return "/customers/" + tenant.customer() + "/queue";
    }

    private JsonArrayBuilder slowMembers(Tenant tenant, String prefix, int count) {
        JsonArrayBuilder members = Batches.members();
        for (int i = 0; i < count; i++) {
            members.add(member(tenant.space(), prefix + i, origin().serve("/" + tenant.name() + "/" + prefix + i,
                    new Slow(SLOW_MILLIS, new Bytes("image/jpeg", Fixtures.jpeg(50, 50))))));
        }
        return members;
    }

    /** The defect: the priority flag was pasted into the JPQL, and H2 refused it, so this was a 500. */
    @Test
    void thePriorityQueueAnswersWithItsOwnCounts() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        JsonObject batch = json(api.post(queuePath(tenant) + "/priority", collection(slowMembers(tenant, "p", 3))));

        Response answer = api.get(queuePath(tenant) + "/priority");
        assertEquals(200, answer.getStatus());
        JsonObject priority = json(answer);
        assertEquals("CustomerQueue", priority.getString("@type"));
        assertTrue(priority.getString("@id").endsWith(queuePath(tenant) + "/priority"));
        assertEquals(1, priority.getInt("batchesWaiting"));
        assertEquals(3, priority.getInt("imagesWaiting"));
        assertEquals(3, priority.getInt("size"));
        JsonObject normal = json(api.get(queuePath(tenant)));
        assertEquals(0, normal.getInt("batchesWaiting"), "the normal queue counts only its own batches");
        assertEquals(0, normal.getInt("imagesWaiting"));

        awaitFinished(api, Batches.path(batch), PATIENCE);
        JsonObject done = json(api.get(queuePath(tenant) + "/priority"));
        assertEquals(0, done.getInt("batchesWaiting"));
        assertEquals(0, done.getInt("imagesWaiting"));
    }

    /**
     * The defect: EclipseLink nested count - completed - errors - superseded to the right, so a
     * 9-image batch with 1 error and nothing completed reported 10 images waiting, not 8.
     */
    @Test
    void imagesWaitingLeaveOutTheFailedMembers() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        JsonArrayBuilder members = Batches.members()
                .add(member(tenant.space(), "missing", origin().serve("/" + tenant.name() + "/missing", new Status(404))));
        slowMembers(tenant, "w", 8).build().forEach(members::add);
        JsonObject batch = json(api.post(queuePath(tenant), collection(members)));

        boolean sawTheIssuesCase = false;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!sawTheIssuesCase && System.nanoTime() < deadline) {
            int[] before = ended(api, batch);
            JsonObject queue = json(api.get(queuePath(tenant)));
            int[] after = ended(api, batch);
            if (before[0] + before[1] == 9) {
                break;
            }
            if (before[0] == after[0] && before[1] == after[1]) {
                assertEquals(9 - before[0] - before[1], queue.getInt("imagesWaiting"),
                        "completed and failed " + Arrays.toString(before) + ", queue " + queue);
                sawTheIssuesCase = before[0] == 0 && before[1] == 1;
            }
        }
        assertTrue(sawTheIssuesCase, "read the counts while 1 member had failed and 8 were waiting");

        JsonObject done = awaitFinished(api, Batches.path(batch), PATIENCE);
        assertEquals(8, done.getInt("completed"));
        assertEquals(1, done.getInt("errors"));
        assertEquals(0, json(api.get(queuePath(tenant))).getInt("imagesWaiting"));
    }

    /**
     * The batch's completed and failed members, counted in the database by the member listing
     * (the batch resource itself may be read from a cache a moment behind).
     */
    private static int[] ended(Api api, JsonObject batch) {
        return new int[]{
                json(api.get(Batches.path(batch) + "/images?status=completed&pageSize=1")).getInt("totalItems"),
                json(api.get(Batches.path(batch) + "/images?status=error&pageSize=1")).getInt("totalItems")};
    }

    @Test
    void theGlobalQueueSumsEveryCustomersWaitingImagesForAdministratorsOnly() throws Exception {
        Api admin = Api.admin(base);
        Tenant one = admin.newTenant();
        Tenant two = admin.newTenant();
        JsonObject normal = json(one.api(base).post(queuePath(one), collection(slowMembers(one, "n", 6))));
        JsonObject urgent = json(two.api(base).post(queuePath(two) + "/priority", collection(slowMembers(two, "u", 3))));

        Response answer = admin.get("/queue");
        assertEquals(200, answer.getStatus());
        JsonObject summary = json(answer);
        assertEquals("QueueSummary", summary.getString("@type"));
        assertTrue(summary.getString("@id").endsWith("/queue"));
        // other tests' batches may be waiting too: these two are at least counted
        assertTrue(summary.getInt("batchesWaiting") >= 2, summary.toString());
        assertTrue(summary.getInt("imagesWaiting") >= 9, summary.toString());
        assertTrue(summary.getInt("incoming") >= 6, summary.toString());
        assertTrue(summary.getInt("priority") >= 3, summary.toString());
        assertEquals(summary.getInt("imagesWaiting"), summary.getInt("incoming") + summary.getInt("priority"));
        assertEquals(summary.getInt("size"), summary.getInt("imagesWaiting"));
        for (String none : new String[]{"timebased", "transcodeComplete", "file", "failed", "success"}) {
            assertEquals(0, summary.getInt(none), none);
        }

        BadInputIT.expectError(one.api(base).get("/queue"), 403, "administrator");
        assertEquals(401, Api.anonymous(base).get("/queue").getStatus());
        awaitFinished(one.api(base), Batches.path(normal), PATIENCE);
        awaitFinished(two.api(base), Batches.path(urgent), PATIENCE);
    }

    @Test
    void aBatchLinksItsTestWhichSaysTheCountsAgreeWithTheMembers() throws Exception {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Tenant other = admin.newTenant();
        Api api = tenant.api(base);
        JsonArrayBuilder members = slowMembers(tenant, "t", 2)
                .add(member(tenant.space(), "gone", origin().serve("/" + tenant.name() + "/gone", new Status(404))));
        JsonObject batch = json(api.post(queuePath(tenant), collection(members)));
        String test = batch.getString("test");
        assertEquals(batch.getString("@id") + "/test", test);

        JsonObject whileWaiting = test(api, Batches.path(batch) + "/test");
        assertFalse(whileWaiting.getBoolean("success"), "nothing to correct: " + whileWaiting);
        assertTrue(whileWaiting.getBoolean("countsAgreed"));

        JsonObject done = awaitFinished(api, Batches.path(batch), PATIENCE);
        JsonObject tested = test(api, Batches.path(batch) + "/test");
        assertFalse(tested.getBoolean("success"), "nothing to correct: " + tested);
        assertTrue(tested.getBoolean("countsAgreed"));
        JsonObject after = json(api.get(Batches.path(batch)));
        assertEquals(done.getString("finished"), after.getString("finished"), "the test changed nothing");
        assertEquals(2, after.getInt("completed"));
        assertEquals(1, after.getInt("errors"));

        assertEquals(404, api.request(queuePath(tenant) + "/batches/999999/test").post(Entity.json("")).getStatus());
        assertEquals(403, other.api(base).request(Batches.path(batch) + "/test").post(Entity.json("")).getStatus());
    }

    /**
     * The defect: two retries at once both read the failed member as failed, both sent it round
     * and both took it off the batch's errors, so once it failed again the batch counted no error
     * and waited for it for ever.
     */
    @Test
    void retriesAtOnceSendAFailedMemberRoundOnce() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        JsonArrayBuilder members = Batches.members()
                .add(member(tenant.space(), "missing", origin().serve("/" + tenant.name() + "/missing", new Slow(30, new Status(404)))));
        JsonObject batch = json(api.post(queuePath(tenant), collection(members)));
        String path = Batches.path(batch);
        awaitFinished(api, path, PATIENCE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 8; round++) {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    // some at once, some while the member is being processed again
                    Thread.sleep(i % 4 == 0 ? 40 : 0);
                    answers.add(pool.submit(() -> tenant.api(base).request(path + "/retry").post(Entity.json("")).getStatus()));
                }
                int accepted = 0;
                for (Future<Integer> answer : answers) {
                    int status = answer.get();
                    assertTrue(status == 200 || status == 409, "a retry answers 200, or 409 when another sent it: " + status);
                    accepted += status == 200 ? 1 : 0;
                }
                assertTrue(accepted >= 1, "round " + round + ": one retry sent the member round");
                JsonObject done = awaitFinished(api, path, Duration.ofSeconds(60));
                assertEquals(1, done.getInt("errors"), "round " + round + ": " + done);
                assertEquals(0, json(api.get(queuePath(tenant))).getInt("imagesWaiting"), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonObject test(Api api, String path) {
        Response answer = api.request(path).post(Entity.json(""));
        assertEquals(200, answer.getStatus());
        return json(answer);
    }
}
