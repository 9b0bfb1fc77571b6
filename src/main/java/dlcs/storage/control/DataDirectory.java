package dlcs.storage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's data directory ({@code dlcs.data-dir}, {@code DLCS_DATA_DIR}, else data/ under
 * the working directory, as the datasource in server-config/dlcs.cli resolves it): the H2
 * database, the derivatives, the generated administrator key.
 */
@ApplicationScoped
public class DataDirectory {

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
     * Creates {@code name} in the data directory with {@code content}, readable and writable by
     * the server's user only (where the file system has POSIX permissions). Fails with
     * {@link java.nio.file.FileAlreadyExistsException} if it exists.
     */
    public Path writePrivately(String name, String content) throws IOException {
        Path file = root().resolve(name);
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
