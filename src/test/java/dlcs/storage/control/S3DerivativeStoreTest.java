package dlcs.storage.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.S3Servers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The bucket store against a real S3-compatible server (S3Proxy on 127.0.0.1:17701). */
class S3DerivativeStoreTest {

    private static final int PORT = 17701;
    private static final String ACCESS = "unit-s3-access";
    private static final String SECRET = "unit-s3-secret-Pq27";
    private static S3Proxy proxy;
    private static S3Client client;

    @TempDir
    Path node;

    private String bucket;
    private final byte[] pyramid = new byte[300_000];
    private final byte[] thumbnail = new byte[2_000];

    @BeforeAll
    static void startStore() {
        proxy = S3Servers.start(PORT, ACCESS, SECRET);
        client = S3Servers.client(PORT, ACCESS, SECRET);
    }

    @AfterAll
    static void stopStore() throws Exception {
        client.close();
        proxy.stop();
    }

    @BeforeEach
    void newBucket() {
        bucket = "unit-" + UUID.randomUUID();
        client.createBucket(request -> request.bucket(bucket));
        new Random(7).nextBytes(pyramid);
        new Random(8).nextBytes(thumbnail);
    }

    private S3DerivativeStore store(String name, Duration check) {
        Path home = node.resolve(name);
        return new S3DerivativeStore(new S3Objects(new S3Objects.Settings(bucket, S3Servers.endpoint(PORT),
                "us-east-1", true, ACCESS, SECRET, Duration.ofSeconds(5), Duration.ofSeconds(10), 8)),
                bucket, "derivatives/", home.resolve("staging"), new MemoryCache(1 << 20),
                new DiskCache(home.resolve("cache"), 8 << 20), check);
    }

    private DerivativeLocation published(DerivativeStore store, String imageId) throws IOException {
        DerivativeLocation location = store.newVersion(5, 2, imageId);
        Path directory = store.workDirectory(location);
        Files.write(directory.resolve("image.tif"), pyramid);
        Files.write(Files.createDirectories(directory.resolve("thumbs")).resolve("100x75.jpg"), thumbnail);
        assertEquals(Map.of("image.tif", 300_000L, "thumbs/100x75.jpg", 2_000L), store.publish(location));
        assertTrue(Files.notExists(directory), "the staging copy goes once stored");
        return location;
    }

    private List<String> keys() {
        return client.listObjectsV2(request -> request.bucket(bucket)).contents().stream()
                .map(object -> object.key()).toList();
    }

    @Test
    void aPublishedVersionIsStoredUnderThePrefixAndReadByRange() throws IOException {
        try (S3DerivativeStore store = store("a", Duration.ZERO)) {
            DerivativeLocation location = published(store, "page");
            assertEquals(List.of("derivatives/5/2/page/" + location.version() + "/image.tif",
                    "derivatives/5/2/page/" + location.version() + "/thumbs/100x75.jpg"), keys());

            StoredDerivative stored = store.open(location);
            assertEquals(Map.of("image.tif", 300_000L, "thumbs/100x75.jpg", 2_000L), stored.files());
            assertArrayEquals(Arrays.copyOfRange(pyramid, 70_000, 70_500), stored.read("image.tif", 70_000, 500));
            assertArrayEquals(Arrays.copyOfRange(pyramid, 299_990, 300_000), stored.read("image.tif", 299_990, 10));
            assertArrayEquals(thumbnail, stored.readAll("thumbs/100x75.jpg", 1 << 20));
            assertThrows(IOException.class, () -> stored.read("image.tif", 299_990, 11), "past the end");
            assertThrows(IOException.class, () -> stored.read("image.tif", -1, 10));
            assertThrows(IOException.class, () -> stored.readAll("thumbs/100x75.jpg", 1_999), "larger than allowed");
            assertThrows(NoSuchFileException.class, () -> stored.read("other.bin", 0, 1));
        }
    }

    @Test
    void aRangeOnceReadIsServedFromTheCacheAndAMissingOneMakesTheVersionGone() throws IOException {
        try (S3DerivativeStore store = store("a", Duration.ofHours(1))) {
            DerivativeLocation location = published(store, "page");
            StoredDerivative stored = store.open(location);
            stored.read("image.tif", 1000, 4000);
            assertTrue(store.exists(location));
            for (String key : keys()) {
                client.deleteObject(request -> request.bucket(bucket).key(key));
            }
            assertTrue(store.exists(location), "confirmed within the hour's interval");
            assertArrayEquals(Arrays.copyOfRange(pyramid, 1000, 5000), stored.read("image.tif", 1000, 4000),
                    "from the cache: the store has it no longer");
            assertThrows(NoSuchFileException.class, () -> stored.read("image.tif", 0, 10));
            assertFalse(store.exists(location), "found gone by a read, whatever the interval");
            assertThrows(NoSuchFileException.class, () -> store.open(location));
        }
    }

    @Test
    void aRangeOnDiskSurvivesARestartOfTheNode() throws IOException {
        DerivativeLocation location;
        try (S3DerivativeStore store = store("a", Duration.ofHours(1))) {
            location = published(store, "page");
            store.open(location).read("image.tif", 8, 100);
        }
        try (S3DerivativeStore restarted = store("a", Duration.ofHours(1))) {
            StoredDerivative stored = restarted.open(location);
            for (String key : keys()) {
                client.deleteObject(request -> request.bucket(bucket).key(key));
            }
            assertArrayEquals(Arrays.copyOfRange(pyramid, 8, 108), stored.read("image.tif", 8, 100),
                    "from the node's disk cache");
            assertThrows(NoSuchFileException.class, () -> stored.read("image.tif", 200, 100), "not cached: asked");
            assertFalse(restarted.exists(location), "a missing object makes the version gone at once");
        }
    }

    @Test
    void aVersionDeletedByAnotherNodeIsGoneThereWithinTheCheckInterval() throws IOException {
        try (S3DerivativeStore a = store("a", Duration.ZERO); S3DerivativeStore b = store("b", Duration.ZERO);
             S3DerivativeStore lazy = store("c", Duration.ofHours(1))) {
            DerivativeLocation location = published(a, "page");
            assertTrue(b.exists(location));
            assertTrue(lazy.exists(location));
            a.delete(location);
            assertFalse(a.exists(location), "gone at once where deleted");
            assertFalse(b.exists(location), "checked again on every call with an interval of 0");
            assertTrue(lazy.exists(location), "trusted until its interval has passed");
            assertEquals(List.of(), keys());
        }
    }

    @Test
    void versionsAreListedOnceEachAndDeletedPerImage() throws IOException {
        try (S3DerivativeStore store = store("a", Duration.ZERO)) {
            DerivativeLocation first = published(store, "page");
            DerivativeLocation second = published(store, "page");
            DerivativeLocation other = published(store, "page.2");
            client.putObject(request -> request.bucket(bucket).key("derivatives/not/a/version"),
                    RequestBody.fromString("x"));
            client.putObject(request -> request.bucket(bucket).key("elsewhere/5/2/x/v/image.tif"),
                    RequestBody.fromString("x"));
            List<DerivativeLocation> listed = new ArrayList<>();
            store.forEachVersion(version -> listed.add(version.location()));
            assertEquals(3, listed.size(), "each version once, nothing outside the prefix or of another shape");
            assertTrue(listed.containsAll(List.of(first, second, other)));

            store.deleteAll(5, 2, "page");
            assertFalse(store.exists(first));
            assertFalse(store.exists(second));
            assertTrue(store.exists(other), "an id that merely starts the same is another image");
            listed.clear();
            store.forEachVersion(version -> listed.add(version.location()));
            assertEquals(List.of(other), listed);
        }
    }
}
