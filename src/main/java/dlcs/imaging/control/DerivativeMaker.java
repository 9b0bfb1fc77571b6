package dlcs.imaging.control;

import dlcs.imaging.entity.Derivative;
import dlcs.imaging.entity.Dimensions;
import dlcs.imaging.entity.ImageFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a master file into what the server keeps: the pyramid ({@link DerivativeFiles#PYRAMID})
 * and the thumbnails, written into a directory the caller owns (and removes if this fails).
 */
@ApplicationScoped
public class DerivativeMaker {

    @Inject
    @ConfigProperty(name = "dlcs.image.max-pixels", defaultValue = "150000000")
    long maxPixels;

    @Inject
    @ConfigProperty(name = "dlcs.image.max-pixels-by-region", defaultValue = "1000000000")
    long maxPixelsByRegion;

    @Inject
    @ConfigProperty(name = "dlcs.image.max-decoded-mb", defaultValue = "512")
    long maxDecodedMegabytes;

    @Inject
    @ConfigProperty(name = "dlcs.image.max-side", defaultValue = "65535")
    int maxSide;

    @Inject
    @ConfigProperty(name = "dlcs.image.max-tiles", defaultValue = "100000")
    long maxTiles;

    @Inject
    @ConfigProperty(name = "dlcs.image.jpeg-quality", defaultValue = "85")
    int jpegQuality;

    /** Below this many pixels a TIFF is simply decoded whole: faster, and small. */
    private static final long REGION_THRESHOLD = 16_000_000;

    /** Reads {@code master} and writes the pyramid and the thumbnails (bounding boxes) into {@code directory}. */
    public Derivative make(Path master, Path directory, List<Integer> thumbnailBoxes) {
        ImageFormat format = ImageDecoder.detect(master);
        try (ImageInputStream input = ImageIO.createImageInputStream(master.toFile());
             BandSource source = open(format, input)) {
            Files.createDirectories(directory);
            Dimensions size = new Dimensions(source.width(), source.height());
            // reduced levels are staged beside the master, in the scratch space
            PyramidWriter.Pyramid pyramid = PyramidWriter.write(source, DerivativeFiles.pyramid(directory), quality(),
                    master.toAbsolutePath().getParent());
            List<Dimensions> thumbnails = writeThumbnails(pyramid.overview(), size, directory, thumbnailBoxes);
            return new Derivative(size, format, thumbnails);
        } catch (java.io.UncheckedIOException e) {
            throw new UncheckedIOException("Writing the derivative into " + directory + " failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the derivative into " + directory + " failed", e);
        }
    }

    /**
     * The master as bands: read by region when its decoder can do that cheaply (tiled or striped
     * TIFF), decoded whole otherwise; either way within {@link #limits()}, checked from the header
     * before any decoding.
     */
    private BandSource open(ImageFormat format, ImageInputStream input) {
        ImageReader reader = ImageDecoder.readerFor(format, input);
        try {
            if (readsByRegion(format, reader)) {
                limits().check(reader, format, true);
                return new RegionSource(reader);
            }
            limits().check(reader, format, false);
            BufferedImage decoded = ImageDecoder.decode(reader, format);
            reader.dispose();
            return new DecodedSource(decoded);
        } catch (IOException e) {
            reader.dispose();
            throw new UnreadableImageException("The " + format.mediaType() + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            reader.dispose();
            throw e;
        }
    }

    private static boolean readsByRegion(ImageFormat format, ImageReader reader) throws IOException {
        if (format != ImageFormat.TIFF) {
            return false;
        }
        try {
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            return pixels > REGION_THRESHOLD && reader.getTileHeight(0) <= 1024;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Thumbnails from the overview: the whole image, or a reduced level at least 1024 px on its long side. */
    private List<Dimensions> writeThumbnails(BufferedImage overview, Dimensions size, Path directory,
                                             List<Integer> boxes) throws IOException {
        Set<Dimensions> sizes = new LinkedHashSet<>();
        boxes.stream().sorted((a, b) -> b - a).forEach(box -> sizes.add(size.fitWithin(box, box)));
        Path thumbs = Files.createDirectories(DerivativeFiles.thumbnails(directory));
        List<Dimensions> written = new ArrayList<>();
        BufferedImage source = overview;
        for (Dimensions thumb : sizes) {
            // Each thumbnail is scaled from the last, larger one: cheap and just as sharp.
            BufferedImage scaled = Rasters.scale(source, thumb.width(), thumb.height());
            try (OutputStream out = Files.newOutputStream(DerivativeFiles.thumbnail(directory, thumb))) {
                JpegEncoder.write(scaled, out, quality());
            }
            written.add(thumb);
            source = scaled;
        }
        return written;
    }

    MasterLimits limits() {
        return new MasterLimits(maxPixels, maxPixelsByRegion, maxDecodedMegabytes << 20, maxSide, maxTiles);
    }

    private float quality() {
        return Math.max(1, Math.min(100, jpegQuality)) / 100f;
    }
}
