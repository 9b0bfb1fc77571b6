package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Bytes;
import dlcs.it.TestOrigin.Protected;
import dlcs.it.TestOrigin.Slow;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README "Backup and restore", as an operator does it: a backup taken through the API while
 * images are registered, replaced and deleted and tiles are served, with a batch half done; the
 * backup packed with tar, the server killed, the backup unpacked as the data directory of a new
 * server. Everything complete at backup time serves the same bytes, the batch finishes (its
 * members sent again: the broker's journal is not in a backup), and the keys and the stored origin
 * credentials still work.
 */
class BackupRestoreIT {

    private static final int MEMBERS = 40;
    private static final String PASSWORD = "origin-pass-Bk16";

    @TempDir
    Path work;

    private static List<String> settings() {
        return List.of("dlcs.origin.allow-loopback=true", "dlcs.queue.concurrency=2",
                "dlcs.queue.redelivery-delay-ms=200", "dlcs.housekeeping.interval-seconds=3");
    }

    private record Before(Tenant tenant, String batchPath, Map<String, byte[]> tiles, List<String> complete,
                          List<String> churned) {
    }

    @Test
    void aBackupTakenUnderLoadRestoresOnANewMachine() throws Exception {
        Path archive = work.resolve("backup.tar.gz");
        try (TestOrigin origin = new TestOrigin()) {
            Before before;
            try (ServerProcess old = new ServerProcess(work.resolve("old"), work.resolve("old-data"), 1000, settings())) {
                old.start();
                before = backUpUnderLoad(old, origin, archive);
                old.kill();
            }
            Path restored = Files.createDirectories(work.resolve("new-data"));
            run("tar", "-C", restored.toString(), "--strip-components=1", "-xzf", archive.toString());
            assertFalse(Files.exists(restored.resolve("broker")), "the broker's journal is not in a backup");
            try (ServerProcess fresh = new ServerProcess(work.resolve("new"), restored, 1020, settings())) {
                fresh.start();
                assertRestored(fresh, origin, before);
            }
        }
    }

    private Before backUpUnderLoad(ServerProcess server, TestOrigin origin, Path archive) throws Exception {
        Api admin = administrator(server);
        Tenant tenant = admin.newTenant();
        Api api = tenant.api(server.base());
        String strategy = "{\"regex\":\"" + Pattern.quote("/private/").replace("\\", "\\\\") + "\",\"strategy\":"
                + "\"basic-http-authentication\",\"credentials\":{\"user\":\"reader\",\"password\":\"" + PASSWORD + "\"}}";
        assertEquals(201, api.post("/customers/" + tenant.customer() + "/originStrategies", strategy).getStatus());
        assertEquals(201, register(api, tenant, "secret-0", privateImage(origin, 0)));

        List<String> complete = new ArrayList<>(List.of("secret-0"));
        List<String> churned = new ArrayList<>();
        List<String> doomed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            complete.add(put(api, tenant, "still-" + i, Fixtures.jpeg(700 + 10 * i, 600)));
            churned.add(put(api, tenant, "churn-" + i, Fixtures.jpeg(400, 300)));
            doomed.add(put(api, tenant, "gone-" + i, Fixtures.jpeg(300, 300)));
        }
        Map<String, byte[]> tiles = new HashMap<>();
        List<String> viewed = new ArrayList<>();
        DeliveryClient viewer = new DeliveryClient(server.base());
        for (String id : complete) {
            tiles.put(tilePath(tenant, id), viewer.get(tilePath(tenant, id)).body());
            viewed.addAll(List.of(tilePath(tenant, id), tenant.servicePath(id) + "/info.json"));
        }

        var members = Batches.members();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(member(tenant.space(), "queued-" + i, origin.serve("/queued-" + i,
                    new Slow(300, new Bytes("image/jpeg", Fixtures.jpeg(640, 480))))));
        }
        String batchPath = Batches.path(json(api.post("/customers/" + tenant.customer() + "/queue", collection(members))));

        assertEquals(401, Api.anonymous(server.base()).post("/backups", "").getStatus());
        assertEquals(403, api.post("/backups", "").getStatus(), "a customer's key takes no backup");
        JsonObject backup;
        long asked;
        try (BackupLoad load = new BackupLoad(server.base(), tenant, churned, doomed, viewed)) {
            Thread.sleep(1500);
            asked = System.nanoTime();
            Response taken = admin.post("/backups", "");
            backup = json(taken);
            assertEquals(200, taken.getStatus(), backup.toString());
            int completed = json(api.get(batchPath)).getInt("completed");
            assertTrue(completed < MEMBERS, "the batch is still being processed at backup time: " + completed);
            Path directory = Path.of(backup.getString("directory"));
            assertTrue(Files.exists(directory.resolve("backup.json")), "complete");
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(directory)));
            run("tar", "-C", directory.getParent().toString(), "-czf", archive.toString(),
                    directory.getFileName().toString());
            Thread.sleep(500);
            load.close();
            assertEquals(List.of(), load.failures(), "nothing failed while the backup was taken");
            assertTrue(load.registrations() > 0 && load.tiles() > 0);
            complete.addAll(load.registeredBefore(asked));
        }
        assertEquals(List.of("credentials.key", "admin-key.txt", "node-token"),
                backup.getJsonArray("keyFiles").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(backup.getJsonObject("storage").getBoolean("hardLinked"), backup.toString());
        churned.addAll(doomed);
        return new Before(tenant, batchPath, tiles, complete, churned);
    }

    private void assertRestored(ServerProcess server, TestOrigin origin, Before before) throws Exception {
        Api admin = administrator(server);
        Tenant tenant = before.tenant();
        Api api = tenant.api(server.base());
        assertEquals(200, admin.get("/customers/" + tenant.customer()).getStatus(), "the administrator key works");
        DeliveryClient viewer = new DeliveryClient(server.base());
        before.tiles().forEach((path, bytes) -> assertArrayEquals(bytes, viewer.get(path).body(), path));
        for (String id : before.complete()) {
            assertServes(api, tenant, id);
        }
        for (String id : before.churned()) {
            Response image = api.get(tenant.imagePath(id));
            if (image.getStatus() != 404) {
                assertEquals(200, image.getStatus(), id);
                assertServes(api, tenant, id);
            }
        }
        assertTrue(Files.readString(server.log()).contains("The broker's journal is new"), "noticed at start");
        JsonObject batch = Batches.awaitFinished(api, before.batchPath(), Duration.ofMinutes(2));
        assertEquals(MEMBERS, batch.getInt("completed"), batch + "; see " + server.console());
        assertServes(api, tenant, "queued-" + (MEMBERS - 1));
        assertEquals(201, register(api, tenant, "secret-1", privateImage(origin, 1)), "the stored credentials open");
        assertServes(api, tenant, "secret-1");
        put(api, tenant, "after", Fixtures.jpeg(500, 400));
        assertServes(api, tenant, "after");
    }

    private static Api administrator(ServerProcess server) throws IOException {
        String[] key = Files.readString(server.dataDir().resolve("admin-key.txt")).trim().split(":", 2);
        return Api.as(server.base(), key[0], key[1]);
    }

    private static String privateImage(TestOrigin origin, int i) {
        return origin.serve("/private/" + i + ".jpg", new Protected("reader", PASSWORD,
                new Bytes("image/jpeg", Fixtures.jpeg(320 + i, 240))));
    }

    private static int register(Api api, Tenant tenant, String id, String origin) {
        return api.put(tenant.imagePath(id), "{\"origin\":\"" + origin + "\"}").getStatus();
    }

    private static String put(Api api, Tenant tenant, String id, byte[] jpeg) {
        assertEquals(201, api.request(tenant.imagePath(id)).put(Entity.entity(jpeg, "image/jpeg")).getStatus(), id);
        return id;
    }

    private static String tilePath(Tenant tenant, String id) {
        return tenant.servicePath(id) + "/0,0,256,256/256,/0/default.jpg";
    }

    private static void assertServes(Api api, Tenant tenant, String id) {
        JsonObject image = json(api.get(tenant.imagePath(id)));
        assertFalse(image.getBoolean("ingesting"), image.toString());
        assertEquals(image.getInt("width"), json(api.get(tenant.servicePath(id) + "/info.json")).getInt("width"), id);
        assertEquals(200, api.get(tenant.servicePath(id) + "/full/max/0/default.jpg").getStatus(), id);
    }

    /** A command as the README gives it; fails the test unless it exits with 0. */
    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
