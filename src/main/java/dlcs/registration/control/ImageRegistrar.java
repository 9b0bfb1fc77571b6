package dlcs.registration.control;

import dlcs.imaging.control.DerivativeMaker;
import dlcs.imaging.entity.Derivative;
import dlcs.origin.control.OriginException;
import dlcs.origin.control.OriginFetcher;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import dlcs.storage.control.DataDirectory;
import dlcs.storage.control.DerivativeLocation;
import dlcs.storage.control.DerivativeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Immediate registration: fetch the master once (or take the bytes sent), make the derivative
 * in a new version directory, and only then record the image in one short transaction. No
 * transaction is held while fetching or decoding; a failure leaves no row and no files
 * behind, and a failed re-registration leaves the previous derivative serving.
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
    @ConfigProperty(name = "dlcs.thumbnails.sizes", defaultValue = "1024,400,200,100")
    List<Integer> thumbnailBoxes;

    @Inject
    @ConfigProperty(name = "dlcs.origin.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    /** The result of a registration: the image as stored, and whether it is new. */
    public record Registered(Image image, boolean created) {
    }

    /** Registers (or re-registers) from {@code metadata.origin()}, replacing all metadata. */
    public Registered registerFromOrigin(Space space, String imageId, ImageMetadata metadata) {
        origins.validate(metadata.origin());
        Path master = origins.fetch(space.customer(), metadata.origin(), data.temporary());
        return ingestAndDelete(space, imageId, metadata, master, true);
    }

    /** Registers from bytes sent in the request; the origin stays as given (often none). */
    public Registered registerFromBytes(Space space, String imageId, ImageMetadata metadata, InputStream bytes) {
        Path master = receive(bytes);
        return ingestAndDelete(space, imageId, metadata, master, true);
    }

    /** PATCH with a new origin: fetch it, keep the other metadata, change what the patch gives. */
    public Registered amendFromOrigin(Space space, String imageId, ImageMetadata patch) {
        origins.validate(patch.origin());
        Path master = origins.fetch(space.customer(), patch.origin(), data.temporary());
        return ingestAndDelete(space, imageId, patch, master, false);
    }

    /** Fetches the stored origin again and rebuilds the derivative; metadata is untouched. */
    public Registered reingest(Space space, String imageId) {
        Image image = images.get(space.customer(), space.number(), imageId);
        if (image.origin() == null) {
            throw new ConflictException("Image '" + imageId + "' was registered from uploaded bytes and has no origin"
                    + " to fetch again; register it again with its bytes or with an origin.");
        }
        Path master = origins.fetch(space.customer(), image.origin(), data.temporary());
        return ingestAndDelete(space, imageId, ImageMetadata.none(), master, false);
    }

    /** A derivative written into its own new version directory, not yet recorded anywhere. */
    public record Prepared(DerivativeLocation location, Derivative derivative) {
    }

    /**
     * Fetches {@code origin} and writes a new derivative version; the caller records it (and then
     * removes the version it replaced) or {@link #discard discards} it.
     */
    public Prepared prepareFromOrigin(long customer, int space, String imageId, String origin) {
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

    private Prepared prepare(long customer, int space, String imageId, Path master) {
        DerivativeLocation location = storage.newVersion(customer, space, imageId);
        try {
            return new Prepared(location, imaging.make(master, storage.directory(location), thumbnailBoxes));
        } catch (RuntimeException e) {
            storage.delete(location);
            throw e;
        }
    }

    private Registered ingestAndDelete(Space space, String imageId, ImageMetadata metadata, Path master,
                                       boolean replaceMetadata) {
        try {
            return ingest(space, imageId, metadata, master, replaceMetadata);
        } finally {
            deleteQuietly(master);
        }
    }

    private Registered ingest(Space space, String imageId, ImageMetadata metadata, Path master,
                              boolean replaceMetadata) {
        Prepared prepared = prepare(space.customer(), space.number(), imageId, master);
        ImageStore.Saved saved;
        try {
            saved = images.saveFinished(space, imageId, metadata, prepared.derivative(), prepared.location().version(),
                    replaceMetadata);
        } catch (RuntimeException e) {
            storage.delete(prepared.location());
            throw e;
        }
        if (saved.previousVersion() != null && !saved.previousVersion().equals(prepared.location().version())) {
            storage.delete(new DerivativeLocation(space.customer(), space.number(), imageId, saved.previousVersion()));
        }
        return new Registered(saved.image(), saved.created());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("Could not delete the temporary master " + file + ": " + e.getMessage());
        }
    }

    private Path receive(InputStream bytes) {
        Path file = null;
        boolean complete = false;
        try {
            file = Files.createTempFile(data.temporary(), "upload-", ".bin");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = bytes.read(buffer)) != -1) {
                    total += read;
                    if (total > maxBytes) {
                        throw new OriginException(OriginException.Fault.TOO_LARGE, "The upload is larger than "
                                + maxBytes + " bytes, the most this server accepts (dlcs.origin.max-bytes).");
                    }
                    out.write(buffer, 0, read);
                }
            }
            complete = true;
            return file;
        } catch (IOException e) {
            throw new InvalidInputException("The upload could not be read completely: " + e.getMessage());
        } finally {
            if (!complete && file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary directory is swept on the next failure anyway
                }
            }
        }
    }
}
