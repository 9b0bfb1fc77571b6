package dlcs.backup.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.backup.entity.Backup;
import dlcs.common.ConflictException;
import dlcs.storage.control.DataDirectory;
import dlcs.storage.control.DeletionHold;
import dlcs.storage.control.LocalDerivativeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup, its database copy stood in for: the derivatives are linked after the database is
 * copied and while deletions are held, the keys go with them, backup.json comes last, one backup
 * runs at a time, and one without the space it needs is refused before anything is written.
 */
class BackupsTest {

    @TempDir
    Path data;

    /** Writes a file in place of H2's copy, and waits for {@link #release} if told to. */
    private static final class FakeDatabase extends DatabaseCopy {
        final CountDownLatch copying = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean wait;
        volatile boolean heldWhileCopying;
        DeletionHold hold;

        @Override
        public void requireH2() {
        }

        @Override
        public long copyInto(Path target) throws IOException {
            heldWhileCopying = hold.active();
            copying.countDown();
            if (wait) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Files.write(target.resolve("dlcs.mv.db"), new byte[] {7, 7});
            return 2;
        }
    }

    private Backups backups(FakeDatabase database, long reserveMegabytes) throws IOException {
        Files.createDirectories(data.resolve("database"));
        Files.write(data.resolve("database/dlcs.mv.db"), new byte[] {7, 7});
        Backups backups = new Backups();
        backups.data = new DataDirectory() {
            @Override
            public Path root() {
                return data;
            }
        };
        backups.deletions = new DeletionHold();
        database.hold = backups.deletions;
        backups.storage = new LocalDerivativeStore(data.resolve("storage"), backups.deletions);
        backups.database = database;
        backups.configuredDirectory = Optional.empty();
        backups.reserveMegabytes = reserveMegabytes;
        return backups;
    }

    @Test
    void copiesTheDatabaseThenLinksTheDerivativesAndTheKeys() throws IOException {
        FakeDatabase database = new FakeDatabase();
        Backups backups = backups(database, 0);
        Path tile = Files.createDirectories(data.resolve("storage/1/1/page/v1")).resolve("image.tif");
        Files.write(tile, new byte[] {1, 2, 3});
        Files.writeString(data.resolve("credentials.key"), "k");
        Files.writeString(data.resolve("node-token"), "t");

        Backup backup = backups.take();

        assertTrue(database.heldWhileCopying, "deletions are held from before the database copy");
        assertFalse(backups.deletions.active(), "and released after");
        Path directory = backup.directory();
        assertEquals(data.resolve("backups"), directory.getParent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertTrue(Files.isSameFile(tile, directory.resolve("storage/1/1/page/v1/image.tif")), "a hard link");
        assertEquals(new Backup.Copied(1, 3, true), backup.storage());
        assertEquals(List.of("credentials.key", "node-token"), backup.keyFiles());
        assertTrue(Files.exists(directory.resolve("database/dlcs.mv.db")));
        assertTrue(Files.readString(directory.resolve(Backups.COMPLETE)).contains("\"databaseBytes\":2"));
    }

    @Test
    void aSecondBackupWhileOneRunsIsAConflict() throws Exception {
        FakeDatabase database = new FakeDatabase();
        database.wait = true;
        Backups backups = backups(database, 0);
        CompletableFuture<Backup> first = CompletableFuture.supplyAsync(backups::take);
        assertTrue(database.copying.await(10, TimeUnit.SECONDS));
        ConflictException refused = assertThrows(ConflictException.class, backups::take);
        assertTrue(refused.getMessage().contains("one is taken at a time"), refused.getMessage());
        database.release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(backups.take().directory()), "the next one, after, is taken");
    }

    @Test
    void aBackupWithoutTheSpaceItNeedsIsRefusedBeforeAnythingIsWritten() throws IOException {
        Backups backups = backups(new FakeDatabase(), 1L << 40);
        BackupSpaceException refused = assertThrows(BackupSpaceException.class, backups::take);
        assertEquals(507, refused.status());
        assertTrue(refused.getMessage().contains("dlcs.backup.directory"), refused.getMessage());
        try (Stream<Path> made = Files.list(data.resolve("backups"))) {
            assertEquals(0, made.count());
        }
    }

    @Test
    void aBackupCutShortIsRemovedByTheNextOneAndNothingElseIs() throws Exception {
        Backups backups = backups(new FakeDatabase(), 0);
        Path parent = Files.createDirectories(data.resolve("backups"));
        Path cutShort = Files.createDirectories(parent.resolve("20261130T091500123Z/storage/1"));
        Files.writeString(parent.resolve("20261130T091500123Z/" + UnfinishedBackups.MARKER), "");
        Path cutBeforeItsMarker = Files.createDirectory(parent.resolve("20261130T091500124Z"));
        Path complete = Files.createDirectory(parent.resolve("20261130T091500125Z"));
        Files.writeString(complete.resolve(Backups.COMPLETE), "{}");
        Path someoneElses = Files.createDirectory(parent.resolve("my-notes"));

        Backup backup = backups.take();

        assertFalse(Files.exists(cutShort.getParent()), "its marker was free: its taker died");
        assertFalse(Files.exists(cutBeforeItsMarker));
        assertTrue(Files.exists(complete));
        assertTrue(Files.exists(someoneElses), "only the names backups are given are ever removed");
        assertFalse(Files.exists(backup.directory().resolve(UnfinishedBackups.MARKER)), "a finished one has none");
    }

    @Test
    void aBackupAnotherProcessIsTakingIsLeftAlone() throws Exception {
        Backups backups = backups(new FakeDatabase(), 0);
        Path taking = Files.createDirectories(data.resolve("backups/20261130T091500123Z/storage"));
        Path marker = taking.getParent().resolve(UnfinishedBackups.MARKER);
        Files.writeString(marker, "");
        // Another process holds the marker's lock, as a server taking a backup does.
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), marker.toString())
                .redirectErrorStream(true).start();
        try {
            assertEquals('L', holder.getInputStream().read(), "the holder took the lock");
            backups.take();
            assertTrue(Files.exists(taking), "a backup still being taken is not removed");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        backups.take();
        assertFalse(Files.exists(taking), "once its taker is killed, it is");
    }

    /** Holds an exclusive lock on the file it is given until killed, as a server taking a backup does. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(Path.of(args[0]),
                    java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock lock = channel.lock()) {
                System.out.print('L');
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
