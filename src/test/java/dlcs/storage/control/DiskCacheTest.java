package dlcs.storage.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {

    @TempDir
    Path dir;

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private long bytesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    @Test
    void neverHoldsMoreThanItsBudgetOnDisk() throws IOException {
        DiskCache cache = new DiskCache(dir, 8000);
        for (int n = 0; n < 50; n++) {
            cache.put("range " + n, bytes(1000, n));
            assertTrue(bytesOnDisk() <= 8000, "on disk " + bytesOnDisk());
        }
        assertEquals(8000, cache.bytes());
        assertEquals(8000, bytesOnDisk());
        assertArrayEquals(bytes(1000, 49), cache.get("range 49"));
        assertNull(cache.get("range 0"));
    }

    @Test
    void evictsTheLeastRecentlyUsed() {
        DiskCache cache = new DiskCache(dir, 8000);
        for (int n = 0; n < 8; n++) {
            cache.put("range " + n, bytes(1000, n));
        }
        cache.get("range 0");
        cache.put("range 8", bytes(1000, 8));
        assertArrayEquals(bytes(1000, 0), cache.get("range 0"), "used last, kept");
        assertNull(cache.get("range 1"), "least recently used, evicted");
    }

    @Test
    void anEntryLargerThanAnEighthOfTheBudgetIsNotKept() throws IOException {
        DiskCache cache = new DiskCache(dir, 8000);
        cache.put("big", bytes(1001, 1));
        assertNull(cache.get("big"));
        assertEquals(0, bytesOnDisk());
    }

    @Test
    void survivesARestartAndIsTrimmedToANewBudget() throws IOException {
        DiskCache before = new DiskCache(dir, 8000);
        for (int n = 0; n < 80; n++) {
            before.put("range " + n, bytes(100, n));
        }
        // when an entry was last used is its file's time: the oldest go first when the budget shrinks
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                boolean first = Files.readAllBytes(file)[0] == 0;
                Files.setLastModifiedTime(file, FileTime.fromMillis(first ? 1000 : 2000));
            }
        }
        DiskCache after = new DiskCache(dir, 7900);
        assertEquals(7900, after.bytes());
        assertEquals(7900, bytesOnDisk());
        assertNull(after.get("range 0"), "the least recently used went");
        for (int n = 1; n < 80; n++) {
            assertArrayEquals(bytes(100, n), after.get("range " + n), "range " + n + " survived the restart");
        }
    }

    @Test
    void partialAndForeignFilesAreDeletedOnStartAndAMissingFileIsAMiss() throws IOException {
        DiskCache first = new DiskCache(dir, 8000);
        first.put("kept", bytes(100, 7));
        Path partial = Files.write(Files.createDirectories(dir.resolve("ab")).resolve("ab12.partial"), bytes(50, 1));
        DiskCache second = new DiskCache(dir, 8000);
        assertTrue(Files.notExists(partial));
        assertArrayEquals(bytes(100, 7), second.get("kept"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        assertNull(second.get("kept"), "deleted under the cache: a miss, not an error");
        assertEquals(0, second.bytes());
    }
}
