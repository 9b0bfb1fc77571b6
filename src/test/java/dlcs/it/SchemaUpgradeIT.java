package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by release 0.1, whose schema EclipseLink generated, is migrated in
 * place by this release's first start, and everything in it serves as before.
 *
 * <p>{@code upgrade/release-0.1-data.zip} was made by {@code upgrade/make-release-data.sh} (next
 * to it) with the WAR of commit 4364952 (main before Flyway): customer {@code oldlibrary}
 * (number 2; its key in {@code oldlibrary-key.txt}) with spaces 1 and 2, three images registered
 * at once, a batch of three (two completed, one error), a priority batch of one, an origin
 * strategy with credentials and the named query {@code pages}. The test adds, before the first
 * start, the column that releases before 0.1 also left behind.
 */
class SchemaUpgradeIT {

    private static final List<String> PROPERTIES = List.of("dlcs.admin.key=" + Api.ADMIN_KEY,
            "dlcs.admin.secret=" + Api.ADMIN_SECRET, "dlcs.origin.allowed-networks=127.0.0.1/32");

    @TempDir
    Path work;

    @Test
    void aReleaseZeroOneDataDirectoryIsMigratedInPlaceAndServes() throws Exception {
        Path data = work.resolve("data");
        unzip("/upgrade/release-0.1-data.zip", data);
        DataDirectoryDatabase.with(data, connection -> {
            try (Statement sql = connection.createStatement()) {
                return sql.executeUpdate("ALTER TABLE BATCH_MEMBER ADD COLUMN ATTEMPTSTARTED TIMESTAMP");
            }
        });
        String[] key = Files.readString(data.resolve("oldlibrary-key.txt")).trim().split(":", 2);

        try (ServerProcess server = new ServerProcess(work.resolve("server"), data, 800, PROPERTIES);
             TestOrigin origin = new TestOrigin()) {
            server.start();
            Api api = Api.as(server.base(), key[0], key[1]);
            assertImagesServe(api);
            assertListings(api);
            assertBatchesAndQueue(server, api);
            assertNamedQueryManifest(server);
            assertEquals(6, json(api.get("/customers/2/storage")).getInt("numberOfStoredImages"));
            assertEquals(1, json(api.get("/customers/2/originStrategies")).getInt("totalItems"));

            String more = origin.serveImage("/more.jpg", "image/jpeg", Fixtures.jpeg(500, 300));
            JsonObject batch = json(api.post("/customers/2/queue", Batches.collection(
                    Batches.members().add(Batches.member(2, "after-upgrade", more)))));
            assertEquals(11, batch.getInt("id"), "batch ids go on from where release 0.1 left them");
            assertEquals(1, Batches.awaitFinished(api, Batches.path(batch), Duration.ofSeconds(90)).getInt("completed"));
            assertEquals(500, json(api.get("/iiif-img/2/2/after-upgrade/info.json")).getInt("width"));
            server.stop();
        }

        assertEquals(baselineThenEveryMigration(), DataDirectoryDatabase.with(data, connection -> {
            List<String> applied = new ArrayList<>();
            try (Statement sql = connection.createStatement();
                 ResultSet history = sql.executeQuery("SELECT \"version\", \"type\" FROM \"flyway_schema_history\""
                         + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                while (history.next()) {
                    applied.add(history.getString(1) + " " + history.getString(2));
                }
            }
            try (ResultSet dead = connection.getMetaData().getColumns(null, "PUBLIC", "BATCH_MEMBER", "ATTEMPTSTARTED")) {
                assertFalse(dead.next(), "the dead column is dropped");
            }
            return applied;
        }));
    }

    /** "1 BASELINE", then "N SQL" for each migration the WAR ships after V1, in version order. */
    private static List<String> baselineThenEveryMigration() throws Exception {
        List<String> expected = new ArrayList<>(List.of("1 BASELINE"));
        try (Stream<Path> files = Files.list(Path.of(SchemaUpgradeIT.class.getResource("/db/migration").toURI()))) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).filter(version -> version > 1)
                    .sorted().forEach(version -> expected.add(version + " SQL"));
        }
        return expected;
    }

    private static void assertImagesServe(Api api) {
        JsonObject page = json(api.get("/customers/2/spaces/1/images/page-1"));
        assertEquals("book-1", page.getString("string1"));
        assertEquals(640, page.getInt("width"));
        for (String image : List.of("1/page-1", "1/page-2", "1/page-3", "1/page-4", "2/chart", "2/urgent")) {
            JsonObject info = json(api.get("/iiif-img/oldlibrary/" + image + "/info.json"));
            assertTrue(info.getInt("width") > 0, image);
            assertEquals(200, api.get("/iiif-img/2/" + image + "/full/max/0/default.jpg").getStatus(), image);
            assertEquals(200, api.get("/iiif-img/2/" + image + "/0,0,256,256/256,/0/default.jpg").getStatus(), image);
            assertEquals(200, api.get("/thumbs/2/" + image + "/info.json").getStatus(), image);
            assertEquals(200, api.get("/thumbs/2/" + image + "/full/100,/0/default.jpg").getStatus(), image);
        }
        assertEquals(404, api.get("/iiif-img/2/1/missing/info.json").getStatus(), "the member that failed has no image");
    }

    private static void assertListings(Api api) {
        assertEquals(5, json(api.get("/customers/2/spaces/1/images")).getInt("totalItems"));
        JsonArray book = json(api.get("/customers/2/spaces/1/images?string1=book-1&orderByDescending=number1"))
                .getJsonArray("member");
        assertEquals(List.of("page-4", "page-3", "page-2", "page-1"),
                book.stream().map(m -> m.asJsonObject().getString("id")).toList());
        assertEquals(7, json(api.get("/customers/2/allImages")).getInt("totalItems"));
        assertEquals(2, json(api.get("/customers/2/spaces")).getInt("totalItems"));
    }

    private static void assertBatchesAndQueue(ServerProcess server, Api api) {
        JsonObject first = json(api.get("/customers/2/queue/batches/1"));
        assertEquals(List.of(3, 2, 1), List.of(first.getInt("count"), first.getInt("completed"), first.getInt("errors")));
        assertTrue(first.containsKey("finished"));
        JsonObject errors = json(api.get("/customers/2/queue/batches/1/images?status=error"));
        assertEquals("missing", errors.getJsonArray("member").getJsonObject(0).getString("id"));
        JsonObject priority = json(api.get("/customers/2/queue/batches/2"));
        assertTrue(priority.getBoolean("priority"));
        assertEquals(1, priority.getInt("completed"));
        JsonObject queue = json(api.get("/customers/2/queue"));
        assertEquals(0, queue.getInt("batchesWaiting"));
        assertEquals(0, queue.getInt("imagesWaiting"));
        assertEquals(2, json(api.get("/customers/2/queue/recent")).getInt("totalItems"));
        assertEquals(200, Api.admin(server.base()).get("/queue").getStatus());
    }

    private static void assertNamedQueryManifest(ServerProcess server) {
        JsonArray canvases = json(Api.anonymous(server.base()).get("/iiif-resource/oldlibrary/pages/1/book-1"))
                .getJsonArray("items");
        assertEquals(4, canvases.size());
        for (int i = 0; i < 4; i++) {
            String canvas = canvases.getJsonObject(i).toString();
            assertTrue(canvas.contains("page-" + (i + 1)), "canvas " + i + " in number1 order: " + canvas);
        }
    }

    private static void unzip(String resource, Path into) throws IOException {
        try (InputStream in = SchemaUpgradeIT.class.getResourceAsStream(resource);
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Entry outside the directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }
}
