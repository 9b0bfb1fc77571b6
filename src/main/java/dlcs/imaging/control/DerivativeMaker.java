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

    /** 64 MB: the largest JPEG master read whole for libjpeg-turbo; three workers hold at most three. */
    static final long MAX_JPEG_BYTES_IN_MEMORY = 64L * 1024 * 1024;

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
        try (ImageInputStream input = ImageIO.createImageInputStream(master.toFile())) {
            ImageReader reader = ImageDecoder.readerFor(format, input);
            NativePlanes planes = planes(format, reader, master);
            Path target = DerivativeFiles.pyramid(directory);
            PyramidWriter.Pyramid pyramid;
            if (planes != null) {
                reader.dispose();
                try (planes) {
                    Files.createDirectories(directory);
                    pyramid = PyramidWriter.write(planes, target, quality(), TurboJpeg.get());
                }
            } else {
                try (BandSource source = open(format, reader)) {
                    Files.createDirectories(directory);
                    // reduced levels are staged beside the master, in the scratch space
                    pyramid = PyramidWriter.write(source, target, quality(), master.toAbsolutePath().getParent());
                }
            }
            Dimensions size = pyramid.levels().get(0);
            List<Dimensions> thumbnails = writeThumbnails(pyramid.overview(), size, directory, thumbnailBoxes);
            return new Derivative(size, format, thumbnails);
        } catch (java.io.UncheckedIOException e) {
            throw new UncheckedIOException("Writing the derivative into " + directory + " failed", e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the derivative into " + directory + " failed", e);
        }
    }

    /**
     * A JPEG master decoded by libjpeg-turbo to planes, when the system has it and ImageIO would
     * take the master's colours as they are (no ICC profile to convert from: the image type it
     * offers first is plain BGR or grey), within {@link #limits()}, checked from the header
     * first; null for any other master, which {@link #open} decodes through ImageIO.
     */
    private NativePlanes planes(ImageFormat format, ImageReader reader, Path master) {
        TurboJpeg codec = TurboJpeg.get();
        if (format != ImageFormat.JPEG || codec == null || !plainColours(reader) || !fitsInMemory(master)) {
            return null;
        }
        try (TurboDecompressor decoder = codec.decompressor()) {
            limits().check(reader, format, false);
            return decoder.decodeMaster(Files.readAllBytes(master));
        } catch (IOException e) {
            reader.dispose();
            throw new UnreadableImageException("The " + format.mediaType() + " cannot be decoded (truncated or corrupt?): "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            reader.dispose();
            throw e;
        }
    }

    /**
     * Whether the master's bytes may be read onto the heap whole, as libjpeg-turbo takes them: a
     * JPEG of a few tens of megabytes is a very large photograph, while a file of gigabytes (a small
     * image padded with other segments, within dlcs.origin.max-bytes) would exhaust the heap every
     * worker shares. Larger ones stream through ImageIO.
     */
    private static boolean fitsInMemory(Path master) {
        try {
            return Files.size(master) <= MAX_JPEG_BYTES_IN_MEMORY;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether ImageIO would decode the master to plain 8-bit BGR or grey; false if it cannot tell. */
    private static boolean plainColours(ImageReader reader) {
        try {
            int type = reader.getImageTypes(0).next().getBufferedImageType();
            return type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY;
        } catch (IOException | RuntimeException e) {
            // the ImageIO route says what is wrong with the master
            return false;
        }
    }

    /**
     * The master as bands: read by region when its decoder can do that cheaply (tiled or striped
     * TIFF), decoded whole otherwise; either way within {@link #limits()}, checked from the header
     * before any decoding.
     */
    private BandSource open(ImageFormat format, ImageReader reader) {
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
