package dlcs.imaging.control;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * A master read band by band through its ImageIO reader (tiled or striped TIFF): only the
 * tiles or strips a band touches are decoded, so memory stays at a band whatever the size.
 */
final class RegionSource implements BandSource {

    private final ImageReader reader;
    private final int width;
    private final int height;
    private final int type;

    RegionSource(ImageReader reader) throws IOException {
        this.reader = reader;
        this.width = reader.getWidth(0);
        this.height = reader.getHeight(0);
        this.type = Rasters.normalise(band(0, 1)).getType();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public BufferedImage band(int y, int rows) {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle(0, y, width, rows));
        StringBuilder warnings = new StringBuilder();
        IIOReadWarningListener listener = (source, warning) -> warnings.append(warning).append(' ');
        reader.addIIOReadWarningListener(listener);
        try {
            BufferedImage band = Rasters.normalise(reader.read(0, param));
            if (!warnings.isEmpty()) {
                throw new UnreadableImageException("The image is damaged near row " + y + ": " + warnings.toString().trim());
            }
            return band;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableImageException unreadable) {
                throw unreadable;
            }
            throw new UnreadableImageException("The image cannot be decoded near row " + y
                    + " (truncated or corrupt?): " + e.getMessage(), e);
        } finally {
            reader.removeIIOReadWarningListener(listener);
        }
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
