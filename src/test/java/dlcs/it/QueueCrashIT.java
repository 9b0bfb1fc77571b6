package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Bytes;
import dlcs.it.TestOrigin.Slow;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No accepted work is lost: the server is killed with SIGKILL while a batch is being processed,
 * and started again with the same data directory. Either its own directory is replaced, as
 * {@code mvn clean}, a new release or a rebuilt host do (the broker's journal lives in the data
 * directory, so the messages survive), or the broker's journal is deleted outright (the sweep
 * finds the members stuck without a message and sends them again). Every member ends, the counts
 * are exact, every image serves, and exactly one derivative version of each is left on disk.
 */
class QueueCrashIT {

    private static final int MEMBERS = 220;

    @TempDir
    Path work;

    private static List<String> settings(String... more) {
        List<String> settings = new ArrayList<>(List.of("dlcs.admin.key=" + Api.ADMIN_KEY,
                "dlcs.admin.secret=" + Api.ADMIN_SECRET, "dlcs.origin.allow-loopback=true",
                "dlcs.queue.concurrency=3", "dlcs.queue.redelivery-delay-ms=200",
                // transactions the kill left prepared are resolved by periodic recovery: run it often
                "com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.periodicRecoveryPeriod=10",
                "com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.recoveryBackoffPeriod=2",
                "dlcs.housekeeping.interval-seconds=3", "dlcs.storage.orphan-sweep-seconds=5"));
        settings.addAll(List.of(more));
        return settings;
    }

    @Test
    void aBatchSurvivesSigkillAndANewServerDirectoryWithExactCounts() throws Exception {
        List<Path> planted = new ArrayList<>();
        // members are never considered stuck here: only the surviving journal can finish the batch
        killMidBatch("k", 200, settings("dlcs.queue.stuck-after-seconds=86400", "dlcs.storage.orphan-age-seconds=30"),
                (server, run) -> {
                    server.replaceServerDirectory();
                    planted.add(plantOrphanVersion(server.dataDir(), run.tenant(), "k0"));
                    planted.add(plantStaleScratchFile(server.dataDir()));
                });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (planted.stream().anyMatch(Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        for (Path path : planted) {
            assertFalse(Files.exists(path), path + " is swept");
        }
    }

    @Test
    void aBatchWhoseJournalIsLostIsFinishedByTheSweep() throws Exception {
        killMidBatch("j", 210, settings("dlcs.queue.stuck-after-seconds=15", "dlcs.storage.orphan-age-seconds=30"),
                (server, run) -> deleteTree(server.dataDir().resolve("broker")));
    }

    /** What befalls the stopped server and its data directory between the kill and the next start. */
    private interface Disaster {
        void strike(ServerProcess server, Running run) throws IOException;
    }

    private void killMidBatch(String prefix, int portOffset, List<String> settings, Disaster disaster)
            throws Exception {
        try (TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work, work.resolve("data"), portOffset, settings)) {
            server.start();
            Running run = queue(server, origin, prefix);
            server.kill();
            disaster.strike(server, run);
            server.start();
            assertAllServed(run, server);
            awaitOneVersionEach(run, server.dataDir(), Duration.ofMinutes(2));
        }
    }

    private record Running(Tenant tenant, Api api, String batchPath, String prefix) {
    }

    /** Queues the batch, and returns once it is well under way but not done. */
    private static Running queue(ServerProcess server, TestOrigin origin, String prefix) throws Exception {
        Tenant tenant = Api.admin(server.base()).newTenant();
        Api api = tenant.api(server.base());
        byte[] image = Fixtures.jpeg(640, 480);
        JsonArrayBuilder members = Batches.members();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(member(tenant.space(), prefix + i, origin.serve("/" + prefix + i,
                    new Slow(40, new Bytes("image/jpeg", image)))));
        }
        JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue", collection(members)));
        String batchPath = Batches.path(batch);
        JsonObject progress = json(api.get(batchPath));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (progress.getInt("completed") < 25 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            progress = json(api.get(batchPath));
        }
        int before = progress.getInt("completed");
        assertTrue(before >= 25 && before < MEMBERS, "killed mid-batch, at " + before);
        return new Running(tenant, api, batchPath, prefix);
    }

    private static void assertAllServed(Running run, ServerProcess server) throws Exception {
        Api api = run.api();
        JsonObject done = Batches.awaitFinished(api, run.batchPath(), Duration.ofMinutes(6));
        assertEquals(MEMBERS, done.getInt("completed"), done + "; see " + server.console());
        assertEquals(0, done.getInt("errors"));
        assertEquals(0, done.getInt("supersededCount"));
        assertEquals(MEMBERS, json(api.get(run.batchPath() + "/images?status=completed&pageSize=1")).getInt("totalItems"));
        assertEquals(0, json(api.get("/customers/" + run.tenant().customer() + "/queue")).getInt("imagesWaiting"));
        for (int i = 0; i < MEMBERS; i++) {
            String id = run.prefix() + i;
            JsonObject registered = json(api.get(run.tenant().imagePath(id)));
            assertFalse(registered.getBoolean("ingesting"), registered.toString());
            assertEquals(640, registered.getInt("width"));
            byte[] full = api.get(run.tenant().servicePath(id) + "/full/max/0/default.jpg").readEntity(byte[].class);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(full));
            assertNotNull(decoded, id + " serves a sound image");
            assertEquals(480, decoded.getHeight());
        }
    }

    /** A version directory of an image that no row points to, last changed a day ago. */
    private static Path plantOrphanVersion(Path data, Tenant tenant, String imageId) throws IOException {
        Path version = data.resolve("storage/" + tenant.customer() + "/" + tenant.space() + "/" + imageId
                + "/left-by-a-crash");
        Files.createDirectories(version);
        Files.write(version.resolve("pyramid.tif"), new byte[100]);
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(version.resolve("pyramid.tif"), dayAgo);
        Files.setLastModifiedTime(version, dayAgo);
        return version;
    }

    private static Path plantStaleScratchFile(Path data) throws IOException {
        Path file = Files.createDirectories(data.resolve("tmp")).resolve("origin-left-by-a-crash.bin");
        Files.write(file, new byte[100]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        return file;
    }

    /** Versions left by attempts the kill cut short go once they are older than the orphan age. */
    private static void awaitOneVersionEach(Running run, Path data, Duration timeout) throws Exception {
        Path space = data.resolve("storage/" + run.tenant().customer() + "/" + run.tenant().space());
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> extra = extraVersions(space, run.prefix());
        while (!extra.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            extra = extraVersions(space, run.prefix());
        }
        assertEquals(List.of(), extra, "each image keeps exactly its serving version");
    }

    private static List<String> extraVersions(Path space, String prefix) throws IOException {
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Path image = space.resolve(prefix + i);
            try (Stream<Path> versions = Files.list(image)) {
                long count = versions.count();
                if (count != 1) {
                    extra.add(prefix + i + ": " + count);
                }
            }
        }
        return extra;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
