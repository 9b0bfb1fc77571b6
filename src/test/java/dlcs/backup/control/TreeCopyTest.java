package dlcs.backup.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcs.backup.entity.Backup.Copied;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derivatives into a backup: hard links on one file system, copies across two, symbolic links
 * left out (a link planted in the store must not carry a file from elsewhere into a backup), and
 * a copy that would eat the reserve stopped with a 507.
 */
class TreeCopyTest {

    @TempDir
    Path work;

    private Path store() throws IOException {
        Path version = Files.createDirectories(work.resolve("storage/1/1/page/v1/thumbs"));
        Files.write(version.resolveSibling("image.tif"), new byte[] {1, 2, 3, 4});
        Files.write(version.resolve("100x75.jpg"), new byte[] {5});
        Files.writeString(work.resolve("secret.txt"), "not a derivative");
        Files.createSymbolicLink(version.resolve("planted.jpg"), work.resolve("secret.txt"));
        return work.resolve("storage");
    }

    @Test
    void onOneFileSystemTheFilesAreLinked() throws IOException {
        Path storage = store();
        Copied copied = TreeCopy.copy(storage, work.resolve("backup"), 0);
        assertEquals(new Copied(2, 5, true), copied);
        assertTrue(Files.isSameFile(storage.resolve("1/1/page/v1/image.tif"),
                work.resolve("backup/1/1/page/v1/image.tif")));
        assertFalse(Files.exists(work.resolve("backup/1/1/page/v1/thumbs/planted.jpg"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(0, TreeCopy.bytesNeeded(storage, work), "links take no space");
    }

    @Test
    void onAnotherFileSystemTheFilesAreCopied() throws IOException {
        Path other = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(other) && Files.isWritable(other)
                && !Files.getFileStore(other).equals(Files.getFileStore(work)), "a second file system at /dev/shm");
        Path storage = store();
        Path parent = Files.createTempDirectory(other, "backup-test");
        try {
            assertEquals(5, TreeCopy.bytesNeeded(storage, parent));
            Copied copied = TreeCopy.copy(storage, parent.resolve("b"), 0);
            assertEquals(new Copied(2, 5, false), copied);
            assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(parent.resolve("b/1/1/page/v1/image.tif")));
        } finally {
            PrivateFiles.deleteTree(parent);
        }
    }

    @Test
    void aCopyThatWouldLeaveLessThanTheReserveStops() throws IOException {
        Path storage = store();
        BackupSpaceException refused = assertThrows(BackupSpaceException.class,
                () -> TreeCopy.copy(storage, work.resolve("backup"), Long.MAX_VALUE));
        assertEquals(507, refused.status());
    }

    @Test
    void noDerivativesYetIsAnEmptyCopy() throws IOException {
        assertEquals(new Copied(0, 0, true), TreeCopy.copy(work.resolve("none"), work.resolve("backup"), 0));
        assertTrue(Files.isDirectory(work.resolve("backup")));
    }
}
