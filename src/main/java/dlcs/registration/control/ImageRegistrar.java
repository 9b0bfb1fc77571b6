package dlcs.registration.control;

import dlcs.common.ConflictException;
import dlcs.common.InvalidInputException;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.DerivativeMaker;
import dlcs.imaging.entity.Derivative;
import dlcs.logging.control.IngestLog;
import dlcs.origin.control.OriginFetcher;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import dlcs.storage.control.BoundedCopy;
import dlcs.storage.control.DataDirectory;
import dlcs.storage.control.DerivativeLocation;
import dlcs.storage.control.DerivativeStore;
import dlcs.usage.control.UsageLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Making derivatives: fetch the master once (or take the bytes sent), write the derivative into
 * a new version's local directory, store it ({@link DerivativeStore#publish}), and only then
 * record it, in one short transaction ({@link ImageStore#recordDerivative}). No transaction is held while fetching or decoding; a
 * failure leaves no row and no files behind, and a failed re-registration leaves the previous
 * derivative serving. Immediate registration runs all of it here; the queue's worker calls
 * {@link #prepareFromOrigin} and records the result in its message's transaction.
 */
@ApplicationScoped
public class ImageRegistrar {

    private static final Logger LOG = Logger.getLogger(ImageRegistrar.class.getName());

    @Inject
    OriginFetcher origins;

    @Inject
    DerivativeMaker imaging;

    @Inject
    DerivativeStore storage;

    @Inject
    ImageStore images;

    @Inject
    DataDirectory data;

    @Inject
    UsageLedger usage;

    @Inject
    @ConfigProperty(name = "dlcs.thumbnails.sizes", defaultValue = "1024,400,200,100")
    List<Integer> thumbnailBoxes;

    @Inject
    @ConfigProperty(name = "dlcs.origin.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    /** How long an upload may take in all: a sender that trickles its bytes holds a thread meanwhile. */
    @Inject
    @ConfigProperty(name = "dlcs.upload.timeout-seconds", defaultValue = "3600")
    long uploadSeconds;

    /** Registers (or re-registers) from {@code metadata.origin()}, replacing all metadata. */
    public ImageStore.Saved registerFromOrigin(Space space, String imageId, ImageMetadata metadata) {
        return register(space, imageId, metadata.origin(), () -> prepareFromOrigin(space, imageId, metadata.origin()),
                metadata, true);
    }

    /** Registers from bytes sent in the request; the origin stays as given (often none). */
    public ImageStore.Saved registerFromBytes(Space space, String imageId, ImageMetadata metadata,
                                              InputStream bytes) {
        origins.rules().checkLength(metadata.origin());
        return register(space, imageId, null, () -> {
            admit(space.customer(), space.number(), imageId);
            Path master = receive(bytes);
            try {
                return prepare(space.customer(), space.number(), imageId, master);
            } finally {
                deleteQuietly(master);
            }
        }, metadata, true);
    }

    /** PATCH with a new origin: fetch it, keep the other metadata, change what the patch gives. */
    public ImageStore.Saved amendFromOrigin(Space space, String imageId, ImageMetadata patch) {
        return register(space, imageId, patch.origin(), () -> prepareFromOrigin(space, imageId, patch.origin()), patch,
                false);
    }

    /** Fetches the stored origin again and rebuilds the derivative; metadata is untouched. */
    public ImageStore.Saved reingest(Space space, String imageId) {
        Image image = images.get(space.customer(), space.number(), imageId);
        if (image.origin() == null) {
            throw new ConflictException("Image '" + imageId + "' was registered from uploaded bytes and has no origin"
                    + " to fetch again; register it again with its bytes or with an origin.");
        }
        return register(space, imageId, image.origin(), () -> prepareFromOrigin(space, imageId, image.origin()),
                ImageMetadata.none(), false);
    }

    /**
     * Fetches {@code origin} and writes a new derivative version; the caller records it with
     * {@link ImageStore#recordDerivative} or {@link #discard discards} it.
     */
    public PreparedDerivative prepareFromOrigin(long customer, int space, String imageId, String origin) {
        admit(customer, space, imageId);
        Path master = origins.fetch(customer, origin, data.temporary());
        try {
            return prepare(customer, space, imageId, master);
        } finally {
            deleteQuietly(master);
        }
    }

    public void discard(DerivativeLocation location) {
        storage.delete(location);
    }

    private PreparedDerivative prepareFromOrigin(Space space, String imageId, String origin) {
        return prepareFromOrigin(space.customer(), space.number(), imageId, origin);
    }

    /**
     * Refuses, before anything is fetched or received, an image that its customer's storage
     * policy has no room for; an image already counted (a re-ingest) is not a new one.
     */
    private void admit(long customer, int space, String imageId) {
        boolean counted = images.find(customer, space, imageId).flatMap(Image::storedBytes).isPresent();
        usage.admit(customer, !counted);
    }

    private PreparedDerivative prepare(long customer, int space, String imageId, Path master) {
        long masterBytes = size(master);
        DerivativeLocation location = storage.newVersion(customer, space, imageId);
        try {
            Derivative derivative = imaging.make(master, storage.workDirectory(location), thumbnailBoxes);
            return new PreparedDerivative(location, derivative, DerivativeFiles.measure(storage.publish(location)),
                    masterBytes);
        } catch (IOException e) {
            storage.delete(location);
            throw new UncheckedIOException("Could not store the derivative just written", e);
        } catch (RuntimeException e) {
            storage.delete(location);
            throw e;
        }
    }

    /**
     * An immediate registration ({@code origin} null: from bytes sent): prepares the derivative,
     * records it, and writes the attempt's line in the {@link IngestLog}, however it ends.
     */
    private ImageStore.Saved register(Space space, String imageId, String origin, Supplier<PreparedDerivative> preparation,
                                      ImageMetadata metadata, boolean replaceMetadata) {
        long start = System.nanoTime();
        String outcome = IngestLog.ERROR;
        String reason = IngestFailure.SERVER_ERROR.label();
        long masterBytes = 0;
        try {
            PreparedDerivative prepared = preparation.get();
            ImageStore.Saved saved = record(space, imageId, metadata, prepared, replaceMetadata);
            outcome = IngestLog.COMPLETED;
            reason = null;
            masterBytes = prepared.masterBytes();
            return saved;
        } catch (RuntimeException e) {
            reason = IngestFailure.of(e).label();
            throw e;
        } finally {
            IngestLog.write(space.customer(), space.number(), imageId, origin, null, start, outcome, reason, masterBytes);
        }
    }

    private ImageStore.Saved record(Space space, String imageId, ImageMetadata metadata, PreparedDerivative prepared,
                                    boolean replaceMetadata) {
        try {
            return images.saveFinished(space, imageId, metadata, prepared, replaceMetadata);
        } catch (RuntimeException e) {
            storage.delete(prepared.location());
            throw e;
        }
    }

    private Path receive(InputStream bytes) {
        try {
            long seconds = Math.max(1, uploadSeconds);
            return BoundedCopy.toTemporaryFile(bytes, data.temporary(), "upload-", new BoundedCopy.Limits(maxBytes,
                    Duration.ofSeconds(seconds),
                    () -> new UploadTooLargeException("The upload is larger than " + maxBytes
                            + " bytes, the most this server accepts (dlcs.origin.max-bytes)."),
                    () -> new UploadTooSlowException("The upload took longer than " + seconds + " seconds, the"
                            + " longest this server waits for one (dlcs.upload.timeout-seconds). Send it over a faster"
                            + " connection, or register the image from an origin the server fetches.")));
        } catch (IOException e) {
            throw new InvalidInputException("The upload could not be read completely: " + e.getMessage());
        }
    }

    private static long size(Path master) {
        try {
            return Files.size(master);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the master just fetched", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("Could not delete the temporary master " + file + ": " + e.getMessage());
        }
    }
}
