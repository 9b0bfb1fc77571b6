package dlcs.storage.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Derivatives in a directory: {@code {customer}/{space}/{image id}/{version}/} under
 * {@code dlcs.storage.directory} (by default {@code storage/} in the data directory). A version
 * is written in place, where it will be read: until the database names it, nothing reads it.
 * Several nodes may share the directory (NFS, SMB, a cluster file system): versions are never
 * rewritten, only created and deleted, so nothing more is needed. Image ids are RFC 3986
 * unreserved characters and never "." or "..", so they are safe as directory names. The
 * operating system's page cache keeps hot tiles; there is no cache of its own. Deletions wait
 * for nothing but are skipped while a backup holds them ({@link DeletionHold}).
 */
public final class LocalDerivativeStore implements DerivativeStore {

    private static final Logger LOG = Logger.getLogger(LocalDerivativeStore.class.getName());

    private final Path root;
    private final DeletionHold hold;

    public LocalDerivativeStore(Path root) {
        this(root, new DeletionHold());
    }

    public LocalDerivativeStore(Path root, DeletionHold hold) {
        this.root = root;
        this.hold = hold;
    }

    @Override
    public Optional<Path> directory() {
        return Optional.of(root);
    }

    @Override
    public Path workDirectory(DerivativeLocation location) {
        return imageDirectory(location.customer(), location.space(), location.imageId()).resolve(location.version());
    }

    /** The files are where they will be read already. */
    @Override
    public Map<String, Long> publish(DerivativeLocation location) throws IOException {
        return files(workDirectory(location));
    }

    @Override
    public StoredDerivative open(DerivativeLocation location) throws IOException {
        Path directory = workDirectory(location);
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString());
        }
        return new StoredDerivative(location, files(directory),
                (name, offset, length) -> read(directory.resolve(name), offset, length));
    }

    @Override
    public void checkReachable() throws IOException {
        Files.createDirectories(root);
        Files.delete(Files.createTempFile(root, ".ready-", ".tmp"));
    }

    @Override
    public String type() {
        return "local";
    }

    @Override
    public boolean exists(DerivativeLocation location) {
        return Files.isDirectory(workDirectory(location));
    }

    @Override
    public void delete(DerivativeLocation location) {
        if (held(location.customer(), location.space(), location.imageId())) {
            return;
        }
        deleteTree(workDirectory(location));
        try {
            Files.deleteIfExists(imageDirectory(location.customer(), location.space(), location.imageId()));
        } catch (IOException notEmpty) {
            // another version still lives here
        }
    }

    @Override
    public void deleteAll(long customer, int space, String imageId) {
        if (held(customer, space, imageId)) {
            return;
        }
        deleteTree(imageDirectory(customer, space, imageId));
    }

    @Override
    public void forEachVersion(Consumer<StoredVersion> action) {
        try (DirectoryStream<Path> customers = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path customer : customers) {
                Long customerId = DerivativeLocation.number(customer.getFileName().toString(), 18);
                try (DirectoryStream<Path> spaces = Files.newDirectoryStream(customer, Files::isDirectory)) {
                    for (Path space : spaces) {
                        Long spaceId = DerivativeLocation.number(space.getFileName().toString(), 9);
                        if (customerId != null && spaceId != null) {
                            forEachVersion(customerId, spaceId.intValue(), space, action);
                        }
                    }
                }
            }
        } catch (NoSuchFileException empty) {
            // nothing stored yet
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read the derivative store " + root + ": " + e.getMessage());
        }
    }

    /**
     * The regular files under {@code directory}, by name relative to it ('/' between
     * directories), with their sizes; links are not followed.
     */
    public static Map<String, Long> files(Path directory) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.put(directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"),
                            attributes.size());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
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

    private static byte[] read(Path file, long offset, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException(file + " ends early");
                }
            }
            return buffer.array();
        }
    }

    /** Whether deletions are held (by a backup); the orphan sweep removes what is left then. */
    private boolean held(long customer, int space, String imageId) {
        if (hold.active()) {
            LOG.fine(() -> "A backup is being taken: derivatives of " + customer + "/" + space + "/" + imageId
                    + " are left for the orphan sweep.");
            return true;
        }
        return false;
    }

    private Path imageDirectory(long customer, int space, String imageId) {
        return root.resolve(Long.toString(customer)).resolve(Integer.toString(space)).resolve(imageId);
    }

    /** Deletes {@code root} and all under it; what cannot be deleted is logged, not thrown. */
    public static void deleteTree(Path root) {
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
