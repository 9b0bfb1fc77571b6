package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Bytes;
import dlcs.it.TestOrigin.Slow;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A batch of small images queued through node A of a {@link LocalCluster} for a tenant of its
 * own: each origin answers after a short wait, so that the batch lasts long enough to be shared
 * and interrupted. Which node ingested a member is read from that node's log.
 */
final class ClusterBatch {

    private final Tenant tenant;
    private final Api api;
    private final String path;
    private final long id;
    private final int size;

    private ClusterBatch(Tenant tenant, Api api, String path, int size) {
        this.tenant = tenant;
        this.api = api;
        this.path = path;
        this.id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        this.size = size;
    }

    static ClusterBatch queue(LocalCluster cluster, TestOrigin origin, String prefix, int size) {
        Tenant tenant = Api.admin(cluster.node(0).base()).newTenant();
        Api api = tenant.api(cluster.node(0).base());
        byte[] image = Fixtures.jpeg(320, 240);
        JsonArrayBuilder members = Batches.members();
        for (int i = 0; i < size; i++) {
            String source = origin.serve("/" + tenant.name() + "/" + prefix + i, new Slow(60, new Bytes("image/jpeg", image)));
            members.add(member(tenant.space(), prefix + i, source));
        }
        JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue", Batches.collection(members)));
        return new ClusterBatch(tenant, api, Batches.path(batch), size);
    }

    /** Waits until at least {@code completed} members are done and {@code node} has ingested some of them. */
    void awaitProgress(int completed, ServerProcess node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonObject batch = json(api.get(path));
        while (batch.getInt("completed") < completed || ingestedBy(node) < 5) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No progress: " + batch + ", " + ingestedBy(node) + " on " + node.base());
            }
            Thread.sleep(100);
            batch = json(api.get(path));
        }
        assertEquals(0, batch.getInt("errors"), batch.toString());
        if (batch.containsKey("finished")) {
            throw new AssertionError("The batch finished before it could be interrupted: " + batch);
        }
    }

    /** Whether the batch finishes within {@code timeout}. */
    boolean finishesWithin(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!json(api.get(path)).containsKey("finished")) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    /**
     * Waits for the batch to finish and checks that every member was ingested and counted once: in
     * the batch's counts, in its members' statuses, and in the customer's storage usage.
     */
    void awaitAllCompleted(Duration timeout) throws InterruptedException {
        JsonObject done = Batches.awaitFinished(api, path, timeout);
        assertEquals(size, done.getInt("completed"), done.toString());
        assertEquals(0, done.getInt("errors"), done.toString());
        assertEquals(size, json(api.get(path + "/images?status=completed&pageSize=1")).getInt("totalItems"));
        assertEquals(0, json(api.get("/customers/" + tenant.customer() + "/queue")).getInt("imagesWaiting"));
        JsonObject storage = json(api.get("/customers/" + tenant.customer() + "/storage"));
        assertEquals(size, storage.getJsonNumber("numberOfStoredImages").longValue(), storage.toString());
    }

    /** Members of this batch that {@code node}'s ingest log says it ingested ("... batch=N outcome=completed ..."). */
    long ingestedBy(ServerProcess node) {
        String mark = " batch=" + id + " outcome=completed ";
        Path logs = node.log().getParent();
        if (!Files.isDirectory(logs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(logs)) {
            long count = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    count += lines.filter(line -> line.contains(mark)).count();
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
