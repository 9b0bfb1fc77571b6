package dlcs.backup.control;

import dlcs.backup.entity.Backup;
import dlcs.backup.entity.Backup.Copied;
import dlcs.common.ConflictException;
import dlcs.storage.control.DataDirectory;
import dlcs.storage.control.DeletionHold;
import dlcs.storage.control.DerivativeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes a backup of the running server, one at a time, into a new directory laid out as a data
 * directory is: {@code database/} (a consistent copy, {@link DatabaseCopy}), {@code storage/}
 * (the derivatives, copied after the database while deletions are held), the key files, and last
 * {@code backup.json}, whose presence says the backup is complete. The directory is readable by the
 * server's user only: it holds the keys that unseal stored origin credentials. Backups cut short
 * earlier are removed first ({@link UnfinishedBackups}), before the free space is measured.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    private static final long MEGABYTE = 1024 * 1024;
    /** 16 TB: more than any disk keeps free, and no overflow. */
    private static final long MAX_RESERVE_MEGABYTES = 1L << 24;
    /** Files of the data directory a restored server needs besides its database and derivatives. */
    private static final List<String> KEY_FILES = List.of("credentials.key", "admin-key.txt", "node-token");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    public static final String COMPLETE = "backup.json";

    private final ReentrantLock running = new ReentrantLock();
    private volatile Instant startedAt;

    @Inject
    DataDirectory data;

    @Inject
    DerivativeStore storage;

    @Inject
    DeletionHold deletions;

    @Inject
    DatabaseCopy database;

    @Inject
    @ConfigProperty(name = "dlcs.backup.directory")
    Optional<String> configuredDirectory;

    @Inject
    @ConfigProperty(name = "dlcs.backup.reserve-mb", defaultValue = "256")
    long reserveMegabytes;

    /**
     * Takes a backup now; a 409 if one is being taken, a 409 on a database other than H2, a 507
     * if the space it needs is not free.
     */
    public Backup take() {
        if (!running.tryLock()) {
            throw new ConflictException("A backup is being taken already (it began at " + startedAt + "); one is"
                    + " taken at a time. Ask again once it has finished.");
        }
        try {
            startedAt = Instant.now();
            database.requireH2();
            return takeNow(backupsDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("The backup failed", e);
        } finally {
            running.unlock();
        }
    }

    private Backup takeNow(Path parent) throws IOException {
        long reserve = Math.min(Math.max(0, reserveMegabytes), MAX_RESERVE_MEGABYTES) * MEGABYTE;
        UnfinishedBackups.remove(parent);
        checkSpace(parent, reserve);
        Path target = newDirectory(parent);
        try (UnfinishedBackups.Taking marked = UnfinishedBackups.taking(target)) {
            Instant taken;
            long databaseBytes;
            Copied copied = null;
            try (DeletionHold.Held held = deletions.hold()) {
                taken = Instant.now();
                databaseBytes = database.copyInto(Files.createDirectory(target.resolve("database")));
                Optional<Path> derivatives = storage.directory();
                if (derivatives.isPresent()) {
                    copied = TreeCopy.copy(derivatives.get(), target.resolve("storage"), reserve);
                }
            }
            Backup backup = new Backup(target, taken, databaseBytes, copied, copyKeyFiles(target));
            PrivateFiles.write(target.resolve(COMPLETE), describe(backup));
            LOG.info("Backup taken into " + target + ": database " + databaseBytes + " bytes"
                    + (copied == null ? "" : ", " + copied.files() + " derivative files") + ".");
            return backup;
        } catch (IOException | RuntimeException e) {
            PrivateFiles.deleteTree(target);
            throw e;
        }
    }

    /** The database twice (H2's zip, then unpacked), derivatives that cannot be linked, and the reserve. */
    private void checkSpace(Path parent, long reserve) throws IOException {
        long needed = Math.addExact(Math.multiplyExact(database.size(data.root().resolve("database")), 2), reserve);
        Optional<Path> derivatives = storage.directory();
        if (derivatives.isPresent()) {
            needed = Math.addExact(needed, TreeCopy.bytesNeeded(derivatives.get(), parent));
        }
        long free = Files.getFileStore(parent).getUsableSpace();
        if (free < needed) {
            throw new BackupSpaceException("A backup needs about " + needed / MEGABYTE + " MB free in " + parent
                    + " (the database twice, derivatives that cannot be hard-linked there, and dlcs.backup.reserve-mb"
                    + " of " + reserve / MEGABYTE + " MB); " + free / MEGABYTE + " MB is. Delete old backups there, or"
                    + " set dlcs.backup.directory to a larger disk.");
        }
    }

    /** A directory named for this moment (UTC), which no earlier backup has. */
    private static Path newDirectory(Path parent) throws IOException {
        String name = NAME.format(Instant.now());
        for (int attempt = 1; ; attempt++) {
            try {
                return PrivateFiles.directory(parent.resolve(attempt == 1 ? name : name + "-" + attempt));
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
    }

    private List<String> copyKeyFiles(Path target) throws IOException {
        List<String> copied = new ArrayList<>();
        for (String name : KEY_FILES) {
            Path file = data.root().resolve(name);
            if (Files.isRegularFile(file)) {
                Files.copy(file, target.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                copied.add(name);
            }
        }
        return copied;
    }

    private Path backupsDirectory() throws IOException {
        Path parent = configuredDirectory.map(String::trim).filter(path -> !path.isEmpty()).map(Path::of)
                .orElseGet(() -> data.root().resolve("backups")).toAbsolutePath();
        try {
            return PrivateFiles.directory(parent);
        } catch (FileAlreadyExistsException exists) {
            return parent;
        }
    }

    /** What {@code backup.json} says, and the API answers. */
    public static JsonObjectBuilder describe(Backup backup) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("directory", backup.directory().toString())
                .add("taken", backup.taken().toString())
                .add("databaseBytes", backup.databaseBytes());
        if (backup.storage() != null) {
            json.add("storage", Json.createObjectBuilder().add("files", backup.storage().files())
                    .add("bytes", backup.storage().bytes()).add("hardLinked", backup.storage().linked()));
        } else {
            json.add("storage", "not copied: the derivatives are in a bucket (README, Backup and restore)");
        }
        return json.add("keyFiles", Json.createArrayBuilder(backup.keyFiles()));
    }
}
