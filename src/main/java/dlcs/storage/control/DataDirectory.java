package dlcs.storage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's data directory ({@code dlcs.data-dir}, {@code DLCS_DATA_DIR}, else data/ under
 * the working directory, as server-config/dlcs.cli resolves it too): the H2 database, the
 * broker's journal and the transaction log (placed there by dlcs.cli), the derivatives, scratch
 * space for fetches, and the generated keys.
 */
@ApplicationScoped
public class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    @Inject
    @ConfigProperty(name = "dlcs.data-dir")
    Optional<String> configured;

    public Path root() {
        Path root = configured.filter(path -> !path.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.dir"), "data"))
                .toAbsolutePath();
        return ensure(root);
    }

    public Path storage() {
        return ensure(root().resolve("storage"));
    }

    /**
     * Scratch space for masters being fetched or uploaded, each deleted once its derivative is
     * made or its fetch failed; what a killed process leaves here is nobody's.
     */
    public Path temporary() {
        return ensure(root().resolve("tmp"));
    }

    /**
     * Deletes what a killed process left in {@link #temporary()}: files not changed since
     * {@code before}, which no fetch or upload still writes. Returns how many.
     */
    public int sweepTemporary(Instant before) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(temporary(), Files::isRegularFile)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warning("Could not sweep " + temporary() + ": " + e.getMessage());
        }
        return deleted;
    }

    /**
     * Creates {@code name} in the data directory with {@code content}, readable and writable by
     * the server's user only (where the file system has POSIX permissions). Fails with
     * {@link java.nio.file.FileAlreadyExistsException} if it exists.
     */
    public Path writePrivately(String name, String content) throws IOException {
        return createPrivately(root().resolve(name), content);
    }

    /**
     * Creates {@code file} with {@code content}, readable and writable by the server's user only
     * (where the file system has POSIX permissions); fails if it exists.
     */
    public static Path createPrivately(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions here (Windows): the directory's own access rules apply
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Path ensure(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory, e);
        }
    }
}
