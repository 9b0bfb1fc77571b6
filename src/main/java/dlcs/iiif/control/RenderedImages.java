package dlcs.iiif.control;

import dlcs.iiif.entity.Format;
import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.Quality;
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
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the bytes of an image request. A request for exactly a stored tile (the requests
 * deep-zoom viewers make) is answered with the stored JPEG bytes: no decoding, no encoding.
 * Anything else is rendered in the order the Image API sets: region (from the tiles of the
 * smallest sufficient level, decoded tiles kept in a {@link TileCache} of
 * {@code dlcs.iiif.tile-cache-mb}), size, mirror, rotation, quality, format. Renders share a pixel
 * budget ({@code dlcs.iiif.render-budget-pixels}), so that many large requests at once wait
 * for each other instead of exhausting the heap, and borrow their working images' pixel arrays
 * from a {@link PixelPool} (at most {@code dlcs.iiif.pixel-pool-mb} kept idle), so that a steady
 * stream of them does not churn the old generation.
 */
@ApplicationScoped
public class RenderedImages {

    /** Permits are counted in blocks of this many pixels. */
    private static final int BLOCK = 65_536;

    @Inject
    DeliverySettings settings;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.render-budget-pixels", defaultValue = "40000000")
    long renderBudgetPixels;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.tile-cache-mb", defaultValue = "64")
    long tileCacheMegabytes;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.pixel-pool-mb", defaultValue = "64")
    long pixelPoolMegabytes;

    private Semaphore budget;
    private int budgetBlocks;
    private TileCache tiles;
    private PixelPool pool;

    /** The body of a response and its media type. */
    public record Rendered(byte[] body, String mediaType, boolean stored) {
    }

    @PostConstruct
    void createBudget() {
        budgetBlocks = (int) Math.max(1, Math.min(Integer.MAX_VALUE, renderBudgetPixels / BLOCK));
        budget = new Semaphore(budgetBlocks, true);
        tiles = new TileCache(tileCacheMegabytes * 1024 * 1024);
        pool = new PixelPool(pixelPoolMegabytes * 1024 * 1024);
    }

    public Rendered render(ServedImage image, ImageRequest.Resolved request) throws IOException {
        Optional<PyramidReader.Tile> stored = storedTile(image, request);
        if (stored.isPresent()) {
            return new Rendered(PyramidReader.tileBytes(image.pyramidFile(), image.pyramid(), stored.get()),
                    Format.JPG.mediaType(), true);
        }
        long pixels = (long) request.size().width * request.size().height;
        // the source cut is at most about four times the output, plus the output and its copies
        int blocks = (int) Math.min(budgetBlocks, Math.max(1, pixels * 6 / BLOCK));
        budget.acquireUninterruptibly(blocks);
        try (PixelPool.Lease arrays = pool.lease()) {
            byte[] planes = asPlanes(image, request, arrays);
            if (planes != null) {
                return new Rendered(planes, Format.JPG.mediaType(), false);
            }
            return new Rendered(encode(draw(image, request, arrays), request.format()), request.format().mediaType(),
                    false);
        } finally {
            budget.release(blocks);
        }
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
    private byte[] asPlanes(ServedImage image, ImageRequest.Resolved request, PixelArrays arrays) throws IOException {
        boolean plain = request.format() == Format.JPG && request.rotation().isNone()
                && (request.quality() == Quality.DEFAULT || request.quality() == Quality.COLOR
                || request.quality() == Quality.GRAY);
        if (!plain) {
            return null;
        }
        Planes planes = PyramidReader.renderPlanes(image.pyramidFile(), image.pyramid(), request.region(),
                request.size().width, request.size().height, tiles, arrays);
        if (planes == null) {
            return null;
        }
        if (request.quality() == Quality.GRAY && !planes.grey()) {
            planes = new Planes(planes.width(), planes.height(), planes.luma(), null, null);
        }
        return JpegEncoder.encode(planes, settings.jpegQuality());
    }

    private BufferedImage draw(ServedImage image, ImageRequest.Resolved request, PixelArrays arrays)
            throws IOException {
        BufferedImage pixels = PyramidReader.render(image.pyramidFile(), image.pyramid(), request.region(),
                request.size().width, request.size().height, tiles, arrays);
        if (request.rotation().mirror()) {
            pixels = Transforms.mirror(pixels);
        }
        boolean alpha = request.format() == Format.PNG || request.format() == Format.TIF;
        pixels = Transforms.rotate(pixels, request.rotation().degrees(), alpha);
        return switch (request.quality()) {
            case GRAY -> Rasters.grey(pixels);
            case BITONAL -> Rasters.bitonal(pixels);
            default -> pixels;
        };
    }

    private byte[] encode(BufferedImage pixels, Format format) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        String name = switch (format) {
            case JPG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case TIF -> "tiff";
            default -> throw new IllegalArgumentException(format + " cannot be written");
        };
        ImageEncoders.write(pixels, name, body, settings.jpegQuality());
        return body.toByteArray();
    }
}
