package dlcs.storage.control;

import dlcs.common.CacheCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where derivatives are kept: a directory ({@link LocalDerivativeStore}, also on a file system
 * several nodes share) or an S3-compatible bucket ({@link S3DerivativeStore}), chosen by
 * {@code dlcs.storage.type} ({@link DerivativeStores}). Each ingest writes a new version into a
 * local {@link #workDirectory}, {@link #publish publishes} it once its files are complete, and
 * the database row that names the version is what makes it visible; the version it replaces is
 * deleted after that commits. Files are named relative to their version, with '/' between
 * directories ({@code image.tif}, {@code thumbs/100x75.jpg}).
 */
public interface DerivativeStore {

    /** A new version of this image, with an empty {@link #workDirectory} to write it into. */
    default DerivativeLocation newVersion(long customer, int space, String imageId) {
        DerivativeLocation location = DerivativeLocation.next(customer, space, imageId);
        try {
            Files.createDirectories(workDirectory(location));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + workDirectory(location), e);
        }
        return location;
    }

    /** The local directory a new version's files are written into before {@link #publish}. */
    Path workDirectory(DerivativeLocation location);

    /**
     * Stores the complete files of a new version from its {@link #workDirectory}; returns each
     * file's name and size in bytes. On failure nothing of the version is left.
     */
    Map<String, Long> publish(DerivativeLocation location) throws IOException;

    /** The files of a stored version, to read; {@link java.nio.file.NoSuchFileException} if there are none. */
    StoredDerivative open(DerivativeLocation location) throws IOException;

    /**
     * Whether the version is still stored, as far as this node can tell cheaply: a version
     * deleted here is gone at once, one deleted on another node within the store's own check interval.
     */
    boolean exists(DerivativeLocation location);

    /** Removes one version; failures are logged, not thrown: a stray version harms nothing. */
    void delete(DerivativeLocation location);

    /** Removes every version of an image. */
    void deleteAll(long customer, int space, String imageId);

    /**
     * Every stored version, one at a time, with when it last changed; anything not of the shape
     * {@code customer/space/image/version} is skipped. Reads the store as it goes, so it may be large.
     */
    void forEachVersion(Consumer<StoredVersion> action);

    /**
     * Whether the store can be used now: a directory is writable (a file is made there and
     * deleted), a bucket answers a listing. IOException saying what failed, for the readiness check.
     */
    void checkReachable() throws IOException;

    /** What kind of store this is, {@code local} or {@code s3}, for the readiness check. */
    String type();

    /**
     * The node's caches of what was read from the store, by name, for the figures; none for a
     * directory, which the operating system's page cache serves.
     */
    default Map<String, CacheCounts> caches() {
        return Map.of();
    }

    /**
     * The directory that holds every version, if the store is one ({@link LocalDerivativeStore}):
     * what a backup copies. Empty for a bucket, which is backed up by its own means.
     */
    default Optional<Path> directory() {
        return Optional.empty();
    }

    /** A stored version, and when it last changed. */
    record StoredVersion(DerivativeLocation location, Instant modified) {
    }
}
