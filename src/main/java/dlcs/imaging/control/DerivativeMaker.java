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
    @ConfigProperty(name = "dlcs.image.jpeg-quality", defaultValue = "85")
    int jpegQuality;

    public DerivativeMaker() {
    }

    DerivativeMaker(long maxPixels, int jpegQuality) {
        this.maxPixels = maxPixels;
        this.jpegQuality = jpegQuality;
    }

    /** Reads {@code master} and writes the pyramid and the thumbnails (bounding boxes) into {@code directory}. */
    public Derivative make(Path master, Path directory, List<Integer> thumbnailBoxes) {
        ImageFormat format = ImageDecoder.detect(master);
        BufferedImage full;
        Dimensions size;
        try (ImageInputStream input = ImageIO.createImageInputStream(master.toFile())) {
            ImageReader reader = ImageDecoder.readerFor(format, input);
            try {
                size = ImageDecoder.checkedSize(reader, format, maxPixels);
                full = Rasters.normalise(ImageDecoder.decode(reader, format));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UnreadableImageException("The image file cannot be opened: " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(directory);
            PyramidWriter.write(full, DerivativeFiles.pyramid(directory), quality());
            List<Dimensions> thumbnails = writeThumbnails(full, size, directory, thumbnailBoxes);
            return new Derivative(size, format, thumbnails);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the derivative into " + directory + " failed", e);
        }
    }

    private List<Dimensions> writeThumbnails(BufferedImage full, Dimensions size, Path directory,
                                             List<Integer> boxes) throws IOException {
        Set<Dimensions> sizes = new LinkedHashSet<>();
        boxes.stream().sorted((a, b) -> b - a).forEach(box -> sizes.add(size.fitWithin(box, box)));
        Path thumbs = Files.createDirectories(DerivativeFiles.thumbnails(directory));
        List<Dimensions> written = new ArrayList<>();
        BufferedImage source = full;
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

    private float quality() {
        return Math.max(1, Math.min(100, jpegQuality)) / 100f;
    }
}
