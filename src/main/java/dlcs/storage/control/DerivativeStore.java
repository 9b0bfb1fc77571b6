package dlcs.storage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.function.Consumer;
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

    /** A version directory on disk, and when it last changed. */
    public record StoredVersion(DerivativeLocation location, Instant modified) {
    }

    /**
     * Every version directory in the store, one at a time: {@code customer/space/image/version},
     * anything not of that shape skipped. Reads the tree as it goes, so the store may be large.
     */
    public void forEachVersion(Consumer<StoredVersion> action) {
        Path root = data.storage();
        try (DirectoryStream<Path> customers = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path customer : customers) {
                Long customerId = number(customer, 18);
                try (DirectoryStream<Path> spaces = Files.newDirectoryStream(customer, Files::isDirectory)) {
                    for (Path space : spaces) {
                        Long spaceId = number(space, 9);
                        if (customerId != null && spaceId != null) {
                            forEachVersion(customerId, spaceId.intValue(), space, action);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read the derivative store " + root + ": " + e.getMessage());
        }
    }

    private static void forEachVersion(long customer, int space, Path spaceDirectory, Consumer<StoredVersion> action)
            throws IOException {
        try (DirectoryStream<Path> images = Files.newDirectoryStream(spaceDirectory, Files::isDirectory)) {
            for (Path image : images) {
                try (DirectoryStream<Path> versions = Files.newDirectoryStream(image, Files::isDirectory)) {
                    for (Path version : versions) {
                        action.accept(new StoredVersion(new DerivativeLocation(customer, space,
                                image.getFileName().toString(), version.getFileName().toString()),
                                Files.getLastModifiedTime(version).toInstant()));
                    }
                }
            }
        }
    }

    private static Long number(Path directory, int maxDigits) {
        String name = directory.getFileName().toString();
        return name.length() <= maxDigits && name.chars().allMatch(Character::isDigit) ? Long.valueOf(name) : null;
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
