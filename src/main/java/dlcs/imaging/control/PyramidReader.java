package dlcs.imaging.control;

import dlcs.imaging.entity.PyramidLevel;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a stored pyramid: its levels, and a region of the image at the smallest level that
 * still has enough pixels for the requested output, decoding only the tiles it touches.
 */
public final class PyramidReader {

    private PyramidReader() {
    }

    public static List<PyramidLevel> levels(Path pyramid) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(pyramid.toFile())) {
            ImageReader reader = tiffReader(in);
            try {
                int count = reader.getNumImages(true);
                List<PyramidLevel> levels = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    levels.add(new PyramidLevel(i, reader.getWidth(i), reader.getHeight(i),
                            reader.getTileWidth(i), reader.getTileHeight(i)));
                }
                return levels;
            } finally {
                reader.dispose();
            }
        }
    }

    /** {@code region} (in full-size pixels) scaled to exactly {@code width} x {@code height}. */
    public static BufferedImage render(Path pyramid, List<PyramidLevel> levels, Rectangle region, int width, int height)
            throws IOException {
        PyramidLevel full = levels.get(0);
        PyramidLevel chosen = full;
        for (PyramidLevel level : levels) {
            double scale = (double) level.width() / full.width();
            if (region.width * scale >= width && region.height * scale >= height) {
                chosen = level;
            }
        }
        double sx = (double) chosen.width() / full.width();
        double sy = (double) chosen.height() / full.height();
        int x0 = (int) Math.floor(region.x * sx);
        int y0 = (int) Math.floor(region.y * sy);
        int x1 = Math.min(chosen.width(), (int) Math.ceil((region.x + region.width) * sx));
        int y1 = Math.min(chosen.height(), (int) Math.ceil((region.y + region.height) * sy));
        Rectangle source = new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        try (ImageInputStream in = ImageIO.createImageInputStream(pyramid.toFile())) {
            ImageReader reader = tiffReader(in);
            try {
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(source);
                BufferedImage read = Rasters.normalise(reader.read(chosen.index(), param));
                return Rasters.scale(read, width, height);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader tiffReader(ImageInputStream in) throws IOException {
        var readers = ImageIO.getImageReadersByFormatName("tiff");
        if (!readers.hasNext()) {
            throw new IOException("No ImageIO TIFF reader is installed.");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, false, true);
        return reader;
    }
}
