package dlcs.backup.control;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Backups cut short: a server killed while it took one leaves a directory without
 * {@code backup.json}, which holds space (copied derivatives, the database copy) and restores
 * nothing. While a backup is taken its taker holds an operating-system lock on a marker file in its
 * directory; the system lets go of that lock when the process dies, SIGKILL included. So a directory
 * of ours without {@code backup.json} whose marker can be locked was cut short and is removed, while
 * one still being taken (by another server pointed at the same backups directory) is left alone.
 */
final class UnfinishedBackups {

    private static final Logger LOG = Logger.getLogger(UnfinishedBackups.class.getName());
    static final String MARKER = ".taking";
    /** The names {@link Backups} gives: only these are ever removed, whatever else lives beside them. */
    private static final Pattern OURS = Pattern.compile("\\d{8}T\\d{9}Z(-\\d{1,2})?");

    private UnfinishedBackups() {
    }

    /** A backup's mark that it is being taken. */
    interface Taking extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Marks {@code directory} as being taken, until the answer is closed (or the process dies). */
    static Taking taking(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(MARKER), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            return () -> {
                lock.release();
                channel.close();
                Files.deleteIfExists(directory.resolve(MARKER));
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Removes the backups under {@code parent} that were cut short; returns how many. */
    static int remove(Path parent) {
        int removed = 0;
        try (DirectoryStream<Path> backups = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path backup : backups) {
                if (OURS.matcher(backup.getFileName().toString()).matches() && cutShort(backup)) {
                    LOG.info("Removing " + backup + ": a backup cut short (it has no " + Backups.COMPLETE + ").");
                    PrivateFiles.deleteTree(backup);
                    removed++;
                }
            }
        } catch (NoSuchFileException none) {
            // no backup taken yet
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not look for unfinished backups in " + parent + ": " + e.getMessage());
        }
        return removed;
    }

    /**
     * Without {@code backup.json}, and either its marker is free (its taker died) or it has no marker
     * and nothing else (cut before the marker was made).
     */
    private static boolean cutShort(Path backup) throws IOException {
        if (Files.exists(backup.resolve(Backups.COMPLETE))) {
            return false;
        }
        Path marker = backup.resolve(MARKER);
        if (!Files.exists(marker)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(backup)) {
                return !entries.iterator().hasNext();
            }
        }
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException takenHere) {
            return false;
        } catch (NoSuchFileException finishedMeanwhile) {
            return false;
        }
    }
}
