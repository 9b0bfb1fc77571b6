package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.awaitFinished;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidBytes;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.control.PyramidReader;
import dlcs.imaging.entity.Dimensions;
import dlcs.it.Api.Tenant;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real server storing its derivatives in an S3-compatible bucket (S3Proxy on 127.0.0.1:17700),
 * and one storing them in a directory outside its data directory, as nodes sharing a file system
 * would: registration immediate and queued, tiles, regions, thumbnails and info.json, re-ingest,
 * deletion, usage and the orphan sweep, with tiles byte for byte what the local store sends.
 */
class DerivativeStorageIT {

    private static final int S3_PORT = 17700;
    private static final String ACCESS = "it-storage-access";
    private static final String SECRET = "it-storage-secret-Hn52";
    private static final String BUCKET = "derivatives";
    private static final String PREFIX = "node-data/";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private static List<String> settings(String... more) {
        return Stream.concat(Stream.of("dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                "dlcs.origin.allow-loopback=true"), Stream.of(more)).toList();
    }

    @Test
    void aServerOnABucketRegistersServesReplacesDeletesAndSweeps() throws Exception {
        S3Proxy proxy = S3Servers.start(S3_PORT, ACCESS, SECRET);
        try (S3Client s3 = S3Servers.client(S3_PORT, ACCESS, SECRET); TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work.resolve("server"), work.resolve("data"), 700, settings(
                     "dlcs.storage.type=s3", "dlcs.storage.s3.bucket=" + BUCKET, "dlcs.storage.s3.prefix=" + PREFIX,
                     "dlcs.storage.s3.endpoint=" + S3Servers.endpoint(S3_PORT), "dlcs.storage.s3.path-style=true",
                     "dlcs.storage.s3.access-key=" + ACCESS, "dlcs.storage.s3.secret-key=" + SECRET,
                     "dlcs.housekeeping.interval-seconds=1", "dlcs.storage.orphan-sweep-seconds=2",
                     "dlcs.storage.orphan-age-seconds=15"))) {
            s3.createBucket(request -> request.bucket(BUCKET));
            server.start();
            Tenant tenant = Api.admin(server.base()).newTenant();
            Api api = tenant.api(server.base());
            String imagePrefix = PREFIX + tenant.customer() + "/" + tenant.space() + "/";
            // a version no image serves, as a process killed between upload and commit leaves
            String orphan = imagePrefix + "a/0-orphan/" + DerivativeFiles.PYRAMID;
            s3.putObject(request -> request.bucket(BUCKET).key(orphan), RequestBody.fromBytes(new byte[10]));

            assertEquals(201, api.request(tenant.imagePath("a"))
                    .put(Entity.entity(Fixtures.jpeg(1200, 900), "image/jpeg")).getStatus());
            JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue", collection(Batches.members()
                    .add(member(tenant.space(), "b", origin.serveImage("/b.png", "image/png", Fixtures.png(700, 500))))
                    .add(member(tenant.space(), "c", origin.serveImage("/c.jpg", "image/jpeg",
                            Fixtures.jpeg(640, 480)))))));
            assertEquals(2, awaitFinished(api, Batches.path(batch), PATIENCE).getInt("completed"));
            assertTrue(Files.notExists(work.resolve("data/storage/" + tenant.customer())),
                    "nothing is stored in the data directory");

            DeliveryClient delivery = new DeliveryClient(server.base());
            for (String id : List.of("a", "b", "c")) {
                assertServedAsStored(s3, delivery, tenant, id, version(s3, imagePrefix + id + "/"));
            }
            BufferedImage region = DeliveryClient.image(delivery.get(tenant.servicePath("a")
                    + "/100,150,700,500/350,/0/default.jpg"));
            assertEquals(350, region.getWidth());
            assertEquals(250, region.getHeight());
            assertEquals(200, delivery.get(tenant.servicePath("a") + "/full/max/90/gray.png").statusCode(),
                    "a render that draws on every tile of a level");

            String before = version(s3, imagePrefix + "a/");
            assertEquals(200, api.request(tenant.imagePath("a"))
                    .put(Entity.entity(Fixtures.png(800, 600), "image/png")).getStatus(), "registered again");
            assertEquals(800, DeliveryClient.json(delivery.get(tenant.servicePath("a") + "/info.json")).getInt("width"),
                    "the new version serves at once");
            String after = version(s3, imagePrefix + "a/");
            assertFalse(after.equals(before));
            assertEquals(List.of(), keys(s3, imagePrefix + "a/" + before + "/"), "the replaced version is deleted");
            assertServedAsStored(s3, delivery, tenant, "a", after);

            assertEquals(204, api.delete(tenant.imagePath("b")).getStatus());
            assertEquals(List.of(), keys(s3, imagePrefix + "b/"));
            assertEquals(404, delivery.get(tenant.servicePath("b") + "/info.json").statusCode());

            JsonObject usage = json(api.get("/customers/" + tenant.customer() + "/storage"));
            assertEquals(2, usage.getInt("numberOfStoredImages"));
            long pyramids = 0;
            for (String id : List.of("a", "c")) {
                pyramids += size(s3, imagePrefix + id + "/" + version(s3, imagePrefix + id + "/") + "/"
                        + DerivativeFiles.PYRAMID);
            }
            assertEquals(pyramids, usage.getJsonNumber("totalSizeOfStoredImages").longValue());

            awaitGone(s3, orphan);
            assertEquals(after, version(s3, imagePrefix + "a/"), "the serving version is never swept");
            assertServedAsStored(s3, delivery, tenant, "a", after);
        } finally {
            proxy.stop();
        }
    }

    @Test
    void aServerOnASharedDirectoryKeepsItsDerivativesThere() throws Exception {
        Path shared = work.resolve("shared-storage");
        try (ServerProcess server = new ServerProcess(work.resolve("server"), work.resolve("data"), 710,
                settings("dlcs.storage.directory=" + shared))) {
            server.start();
            Tenant tenant = Api.admin(server.base()).newTenant();
            assertEquals(201, tenant.api(server.base()).request(tenant.imagePath("p"))
                    .put(Entity.entity(Fixtures.jpeg(600, 400), "image/jpeg")).getStatus());
            Path image = shared.resolve(tenant.customer() + "/" + tenant.space() + "/p");
            List<Path> versions;
            try (Stream<Path> listed = Files.list(image)) {
                versions = listed.toList();
            }
            assertEquals(1, versions.size());
            Path pyramid = DerivativeFiles.pyramid(versions.get(0));
            PyramidIndex index = PyramidIndex.read(pyramid);
            byte[] stored = PyramidReader.tileBytes(PyramidBytes.of(pyramid), index, new PyramidReader.Tile(0, 0, 0));
            int tile = index.full().tileWidth();
            HttpResponse<byte[]> served = new DeliveryClient(server.base()).get(tenant.servicePath("p") + "/0,0,"
                    + tile + "," + tile + "/" + tile + ",/0/default.jpg");
            assertArrayEquals(stored, served.body());
            assertTrue(Files.notExists(work.resolve("data/storage/" + tenant.customer())));
        }
    }

    /**
     * A stored tile, a region, the largest thumbnail and info.json of the image, against the
     * version's objects read as the local store reads them: tiles and thumbnails byte for byte.
     */
    private void assertServedAsStored(S3Client s3, DeliveryClient delivery, Tenant tenant, String id, String version)
            throws IOException {
        String versionPrefix = PREFIX + tenant.customer() + "/" + tenant.space() + "/" + id + "/" + version + "/";
        Path local = Files.createDirectories(work.resolve("copies").resolve(id + "-" + version));
        Path pyramid = DerivativeFiles.pyramid(local);
        Files.write(pyramid, s3.getObjectAsBytes(request -> request.bucket(BUCKET)
                .key(versionPrefix + DerivativeFiles.PYRAMID)).asByteArray());
        PyramidIndex index = PyramidIndex.read(pyramid);
        int tile = index.full().tileWidth();
        JsonObject info = DeliveryClient.json(delivery.get(tenant.servicePath(id) + "/info.json"));
        assertEquals(index.full().width(), info.getInt("width"));
        assertEquals(index.full().height(), info.getInt("height"));

        HttpResponse<byte[]> served = delivery.get(tenant.servicePath(id) + "/" + tile + ",0," + tile + "," + tile
                + "/" + tile + ",/0/default.jpg");
        assertEquals(200, served.statusCode());
        assertArrayEquals(PyramidReader.tileBytes(PyramidBytes.of(pyramid), index, new PyramidReader.Tile(0, 1, 0)),
                served.body(), "a stored tile is sent as the local store would send it");
        assertArrayEquals(served.body(), delivery.get(tenant.servicePath(id) + "/" + tile + ",0," + tile + ","
                + tile + "/" + tile + ",/0/default.jpg").body(), "and again, from the cache");

        List<String> thumbs = keys(s3, versionPrefix + "thumbs/");
        Dimensions largest = DerivativeFiles.listThumbnails(thumbs.stream()
                .map(key -> key.substring(versionPrefix.length())).toList()).get(0);
        byte[] thumbnail = s3.getObjectAsBytes(request -> request.bucket(BUCKET)
                .key(versionPrefix + DerivativeFiles.thumbnailName(largest))).asByteArray();
        assertArrayEquals(thumbnail, delivery.get("/thumbs/" + tenant.customer() + "/" + tenant.space() + "/" + id
                + "/full/" + largest.width() + "," + largest.height() + "/0/default.jpg").body());
    }

    /** The one version stored under {@code imagePrefix}. */
    private static String version(S3Client s3, String imagePrefix) {
        List<String> versions = keys(s3, imagePrefix).stream()
                .map(key -> key.substring(imagePrefix.length(), key.indexOf('/', imagePrefix.length())))
                .filter(version -> !version.equals("0-orphan")).distinct().toList();
        assertEquals(1, versions.size(), "versions under " + imagePrefix + ": " + versions);
        return versions.get(0);
    }

    private static List<String> keys(S3Client s3, String prefix) {
        return s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(object -> object.key()).toList();
    }

    private static long size(S3Client s3, String key) {
        return s3.headObject(request -> request.bucket(BUCKET).key(key)).contentLength();
    }

    private static void awaitGone(S3Client s3, String key) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!keys(s3, key).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(key + " was not swept within " + PATIENCE);
            }
            Thread.sleep(500);
        }
    }
}
