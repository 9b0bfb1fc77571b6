package dlcs.imaging.control;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

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
        return Rasters.normalise(ImageDecoder.read(reader, param, "The image (rows " + y + " to " + (y + rows - 1) + ")"));
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
