package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images registered by a release that recorded no sizes: the server, started on such a data
 * directory (made here by taking the sizes and the usage rows out of the database while it is
 * stopped), measures them in the background and counts them, with no request asking for it.
 */
class EarlierReleaseUsageIT {

    private static final List<String> KEY = List.of("dlcs.admin.key=" + Api.ADMIN_KEY,
            "dlcs.admin.secret=" + Api.ADMIN_SECRET);

    @TempDir
    Path work;

    @Test
    void derivativesWithoutRecordedSizesAreMeasuredAfterAStart() throws Exception {
        Path data = work.resolve("data");
        Tenant tenant;
        JsonObject recorded;
        try (ServerProcess server = new ServerProcess(work.resolve("first"), data, 100, KEY)) {
            server.start();
            tenant = Api.admin(server.base()).newTenant();
            Api api = tenant.api(server.base());
            for (String id : List.of("a", "b", "c")) {
                assertEquals(201, api.request(tenant.imagePath(id))
                        .put(Entity.entity(Fixtures.png(300 + id.charAt(0), 200), "image/png")).getStatus());
            }
            recorded = json(api.get(storagePath(tenant)));
            assertEquals(3, recorded.getInt("numberOfStoredImages"));
            server.stop();
        }
        forgetSizes(data);

        List<String> slowHousekeeping = Stream.concat(KEY.stream(),
                Stream.of("dlcs.housekeeping.interval-seconds=3600")).toList();
        try (ServerProcess server = new ServerProcess(work.resolve("second"), data, 100, slowHousekeeping)) {
            server.start();
            Api api = tenant.api(server.base());
            JsonObject unmeasured = json(api.get(storagePath(tenant)));
            assertEquals(0, unmeasured.getInt("numberOfStoredImages"), "not counted before it is measured");
            assertTrue(json(api.get(tenant.imagePath("a") + "/storage")).getBoolean("checkingInProgress"));
            server.stop();
        }

        List<String> quickHousekeeping = Stream.concat(KEY.stream(),
                Stream.of("dlcs.housekeeping.interval-seconds=1")).toList();
        try (ServerProcess server = new ServerProcess(work.resolve("third"), data, 100, quickHousekeeping)) {
            server.start();
            Api api = tenant.api(server.base());
            JsonObject measured = awaitCounted(api, storagePath(tenant), 3);
            for (String figure : List.of("totalSizeOfStoredImages", "totalSizeOfThumbnails")) {
                assertEquals(recorded.getJsonNumber(figure).longValue(), measured.getJsonNumber(figure).longValue(),
                        figure + " measured as it was recorded at ingest");
            }
            assertEquals(3, json(api.get(tenant.spacePath() + "/storage")).getInt("numberOfStoredImages"));
            JsonObject image = json(api.get(tenant.imagePath("a") + "/storage"));
            assertFalse(image.getBoolean("checkingInProgress"));
            assertTrue(image.getJsonNumber("size").longValue() > 0, image.toString());

            assertEquals(204, api.delete(tenant.imagePath("a")).getStatus());
            assertEquals(2, json(api.get(storagePath(tenant))).getInt("numberOfStoredImages"),
                    "a measured image is taken off when deleted");
        }
    }

    private static String storagePath(Tenant tenant) {
        return "/customers/" + tenant.customer() + "/storage";
    }

    private static JsonObject awaitCounted(Api api, String path, int images) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonObject storage = json(api.get(path));
        while (storage.getInt("numberOfStoredImages") < images) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not measured within a minute: " + storage);
            }
            Thread.sleep(250);
            storage = json(api.get(path));
        }
        return storage;
    }

    /** What an earlier release left: images with derivatives but no sizes, and no usage rows. */
    private static void forgetSizes(Path data) throws Exception {
        DataDirectoryDatabase.with(data, connection -> {
            try (Statement sql = connection.createStatement()) {
                assertEquals(3, sql.executeUpdate("UPDATE IMAGE SET DERIVATIVEBYTES = NULL, THUMBNAILBYTES = NULL"));
                return sql.executeUpdate("DELETE FROM STORAGE_USAGE");
            }
        });
    }
}
