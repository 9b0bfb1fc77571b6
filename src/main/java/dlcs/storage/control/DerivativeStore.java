package dlcs.storage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Derivatives on disk: {@code storage/{customer}/{space}/{image id}/{version}/} under the data
 * directory. Image ids are RFC 3986 unreserved characters and never "." or "..", so they are
 * safe as directory names.
 */
@ApplicationScoped
public class DerivativeStore {

    private static final Logger LOG = Logger.getLogger(DerivativeStore.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataDirectory data;

    /** A fresh, empty version directory for a new ingest of this image. */
    public DerivativeLocation newVersion(long customer, int space, String imageId) {
        String version = Long.toString(System.currentTimeMillis(), 36) + "-"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        DerivativeLocation location = new DerivativeLocation(customer, space, imageId, version);
        try {
            Files.createDirectories(directory(location));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory(location), e);
        }
        return location;
    }

    public Path directory(DerivativeLocation location) {
        return imageDirectory(location.customer(), location.space(), location.imageId()).resolve(location.version());
    }

    /** Removes one version; failures are logged, not thrown: a stray directory harms nothing. */
    public void delete(DerivativeLocation location) {
        deleteTree(directory(location));
        Path parent = imageDirectory(location.customer(), location.space(), location.imageId());
        try {
            Files.deleteIfExists(parent);
        } catch (IOException notEmpty) {
            // another version still lives here
        }
    }

    /** Removes every version of an image. */
    public void deleteAll(long customer, int space, String imageId) {
        deleteTree(imageDirectory(customer, space, imageId));
    }

    private Path imageDirectory(long customer, int space, String imageId) {
        return data.storage().resolve(Long.toString(customer)).resolve(Integer.toString(space)).resolve(imageId);
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // nothing to delete
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + root + ": " + e.getMessage());
        }
    }
}
