package dlcs.iiif.control;

import dlcs.iiif.entity.Format;
import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.Quality;
import dlcs.imaging.control.Deadline;
import dlcs.imaging.control.DeadlinePassedException;
import dlcs.imaging.control.ImageEncoders;
import dlcs.imaging.control.JpegEncoder;
import dlcs.imaging.control.PixelArrays;
import dlcs.imaging.control.PixelPool;
import dlcs.imaging.control.Planes;
import dlcs.imaging.control.PyramidReader;
import dlcs.imaging.control.Rasters;
import dlcs.imaging.control.TileCache;
import dlcs.imaging.control.Transforms;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the bytes of an image request. A request for exactly a stored tile (the requests
 * deep-zoom viewers make) is answered with the stored JPEG bytes: no decoding, no encoding.
 * Anything else is rendered in the order the Image API sets: region (from the tiles of the
 * smallest sufficient level, decoded tiles kept in a {@link TileCache} of
 * {@code dlcs.iiif.tile-cache-mb}), size, mirror, rotation, quality, format. Each render holds
 * a share of the {@link RenderBudget}, what it may need at its peak (decoded tiles, working
 * images, the encoded body), until its body is written. Renders borrow their working images'
 * pixel arrays from a {@link PixelPool} (at most {@code dlcs.iiif.pixel-pool-mb} kept idle), so
 * that a steady stream of them does not churn the old generation. A render waits for its share
 * at most {@code dlcs.iiif.budget-wait-seconds}, and once it has it, it has
 * {@code dlcs.iiif.render-timeout-seconds} to finish: past that its loops stop between tiles,
 * bands and rows. Either way the client gets 503 with {@code Retry-After}.
 */
@ApplicationScoped
public class RenderedImages {

    @Inject
    DeliverySettings settings;

    @Inject
    DeliveryMeter meter;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.render-budget-mb")
    Optional<Long> renderBudgetMegabytes;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.tile-cache-mb", defaultValue = "64")
    long tileCacheMegabytes;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.pixel-pool-mb", defaultValue = "64")
    long pixelPoolMegabytes;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.budget-wait-seconds", defaultValue = "10")
    long budgetWaitSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.render-timeout-seconds", defaultValue = "30")
    long renderTimeoutSeconds;

    /** How long a render may take once it has its share of the budget: the tests shorten it. */
    Duration renderTimeout;
    private RenderBudget budget;
    private TileCache tiles;
    private PixelPool pool;

    /**
     * The body of a response and its media type. Closing it, once the body is written, gives
     * back the render's share of the budget.
     */
    public static final class Rendered implements AutoCloseable {
        private final byte[] bytes;
        private final BodyBuffer buffer;
        private final String mediaType;
        private final RenderBudget.Share share;

        private Rendered(byte[] bytes, BodyBuffer buffer, String mediaType, RenderBudget.Share share) {
            this.bytes = bytes;
            this.buffer = buffer;
            this.mediaType = mediaType;
            this.share = share;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The body's length in bytes. */
        public long length() {
            return bytes != null ? bytes.length : buffer.size();
        }

        /** The body is written in pieces, each of at most 256 KiB (or a stored JPEG's size). */
        public int pieces() {
            return bytes != null ? 1 : buffer.chunks();
        }

        /** Writes piece {@code index} of the body. */
        public void writePiece(int index, OutputStream target) throws IOException {
            if (bytes != null) {
                target.write(bytes);
            } else {
                buffer.writeChunk(index, target);
            }
        }

        /** The whole body, piece by piece. */
        public void writeTo(OutputStream target) throws IOException {
            for (int i = 0; i < pieces(); i++) {
                writePiece(i, target);
            }
        }

        /** A body of stored JPEG bytes, which holds no share of the budget: a stored tile, a thumbnail. */
        public static Rendered stored(byte[] bytes) {
            return new Rendered(bytes, null, Format.JPG.mediaType(), RenderBudget.Share.NONE);
        }

        @Override
        public void close() {
            share.close();
        }
    }

    /** What all renders share: the memory budget, the decoded tiles, the idle pixel arrays. */
    @PostConstruct
    void createShared() {
        budget = RenderBudget.configured(renderBudgetMegabytes, budgetWaitSeconds);
        renderTimeout = Duration.ofSeconds(Math.max(1, renderTimeoutSeconds));
        tiles = new TileCache(tileCacheMegabytes * 1024 * 1024);
        pool = new PixelPool(pixelPoolMegabytes * 1024 * 1024);
        meter.cache("tiles", tiles.counts());
        meter.budget(budget);
    }

    public Rendered render(ServedImage image, ImageRequest.Resolved request) throws IOException {
        byte[] stored = storedBytes(image, request);
        if (stored != null) {
            return Rendered.stored(stored);
        }
        RenderBudget.Share share = meter.take(budget, peakBytes(image, request));
        Deadline deadline = Deadline.after(renderTimeout);
        try (PixelPool.Lease arrays = pool.lease()) {
            byte[] planes = asPlanes(image, request, arrays, deadline);
            if (planes != null) {
                return new Rendered(planes, null, Format.JPG.mediaType(), share);
            }
            return new Rendered(null, encode(draw(image, request, arrays, deadline), request.format(), deadline),
                    request.format().mediaType(), share);
        } catch (DeadlinePassedException e) {
            share.close();
            long seconds = renderTimeout.toSeconds();
            throw new RenderUnavailableException("Rendering this image took longer than the " + seconds
                    + " seconds allowed and was stopped; ask for a smaller size, or try again later.", seconds);
        } catch (IOException | RuntimeException | Error e) {
            share.close();
            throw e;
        }
    }

    /**
     * The most memory rendering {@code request} may hold at once, counted generously: the
     * decoded tiles it reads, the image at its size, its mirror, its turned bounding box (with
     * alpha for PNG and TIFF), the grey or bitonal copy, and an encoded body as large as the raw
     * pixels.
     */
    private static long peakBytes(ServedImage image, ImageRequest.Resolved request) {
        int width = request.size().width;
        int height = request.size().height;
        long bands = image.pyramid().grey() ? 1 : 3;
        long sized = (long) width * height;
        Dimension box = request.rotation().turned(request.size());
        long turned = (long) box.width * box.height;
        boolean turns = request.rotation().degrees() != 0;
        boolean alpha = request.format() == Format.PNG || request.format() == Format.TIF;
        long pixelBytes = alpha && !request.rotation().isRightAngle() ? 4 : bands;
        long bytes = PyramidReader.coveredPixels(image.pyramid(), request.region(), width, height) * bands
                + sized * bands;
        if (request.rotation().mirror()) {
            bytes += sized * bands;
        }
        if (turns) {
            bytes += turned * pixelBytes;
        }
        if (request.quality() == Quality.GRAY || request.quality() == Quality.BITONAL) {
            bytes += turned;
        }
        return bytes + turned * (request.format() == Format.JPG ? 1 : pixelBytes);
    }

    /** The stored bytes of the tile that {@code request} is exactly, as {@link #render} sends them; null if it is none. */
    public byte[] storedBytes(ServedImage image, ImageRequest.Resolved request) throws IOException {
        Optional<PyramidReader.Tile> stored = storedTile(image, request);
        return stored.isPresent() ? PyramidReader.tileBytes(image.pyramidBytes(), image.pyramid(), stored.get())
                : null;
    }

    /** Whether {@link #render} answers {@code request} with a tile's stored bytes, rather than rendering. */
    public boolean sendsAsStored(ServedImage image, ImageRequest.Resolved request) {
        return storedTile(image, request).isPresent();
    }

    private static Optional<PyramidReader.Tile> storedTile(ServedImage image, ImageRequest.Resolved request) {
        boolean asStored = request.rotation().isNone() && request.format() == Format.JPG
                && (request.quality() == Quality.DEFAULT || request.quality() == Quality.COLOR
                || request.quality() == Quality.GRAY && image.pyramid().grey());
        if (!asStored) {
            return Optional.empty();
        }
        return PyramidReader.storedTile(image.pyramid(), request.region(), request.size().width,
                request.size().height);
    }

    /**
     * The common JPEG request (no rotation or mirroring; default, color or gray) made on JPEG's
     * own planes, when the pyramid and the codec allow: null otherwise.
     */
    private byte[] asPlanes(ServedImage image, ImageRequest.Resolved request, PixelArrays arrays, Deadline deadline)
            throws IOException {
        boolean plain = request.format() == Format.JPG && request.rotation().isNone()
                && (request.quality() == Quality.DEFAULT || request.quality() == Quality.COLOR
                || request.quality() == Quality.GRAY);
        if (!plain) {
            return null;
        }
        Planes planes = PyramidReader.renderPlanes(image.pyramidBytes(), image.pyramid(), request.region(),
                request.size().width, request.size().height, tiles, arrays, deadline);
        if (planes == null) {
            return null;
        }
        if (request.quality() == Quality.GRAY && !planes.grey()) {
            planes = new Planes(planes.width(), planes.height(), planes.luma(), null, null);
        }
        deadline.check();
        return JpegEncoder.encode(planes, settings.jpegQuality());
    }

    private BufferedImage draw(ServedImage image, ImageRequest.Resolved request, PixelArrays arrays, Deadline deadline)
            throws IOException {
        BufferedImage pixels = PyramidReader.render(image.pyramidBytes(), image.pyramid(), request.region(),
                request.size().width, request.size().height, tiles, arrays, deadline);
        if (request.rotation().mirror()) {
            pixels = Transforms.mirror(pixels, deadline);
        }
        boolean alpha = request.format() == Format.PNG || request.format() == Format.TIF;
        pixels = Transforms.rotate(pixels, request.rotation().degrees(), alpha, deadline);
        return switch (request.quality()) {
            case GRAY -> Rasters.grey(pixels, deadline);
            case BITONAL -> Rasters.bitonal(pixels, deadline);
            default -> pixels;
        };
    }

    private BodyBuffer encode(BufferedImage pixels, Format format, Deadline deadline) throws IOException {
        BodyBuffer body = new BodyBuffer();
        String name = switch (format) {
            case JPG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case TIF -> "tiff";
            default -> throw new IllegalArgumentException(format + " cannot be written");
        };
        ImageEncoders.write(pixels, name, body, settings.jpegQuality(), deadline);
        return body;
    }
}
