package dlcs.imaging.control;

import java.awt.image.BufferedImage;

/** A master decoded whole into memory (JPEG, PNG: their decoders cannot read a region cheaply). */
final class DecodedSource implements BandSource {

    private final BufferedImage image;

    DecodedSource(BufferedImage decoded) {
        this.image = Rasters.normalise(decoded);
    }

    @Override
    public int width() {
        return image.getWidth();
    }

    @Override
    public int height() {
        return image.getHeight();
    }

    @Override
    public int type() {
        return image.getType();
    }

    @Override
    public BufferedImage band(int y, int rows) {
        // a view, not a copy: readers of bands go through Rasters.bytes
        return image.getSubimage(0, y, image.getWidth(), rows);
    }

    @Override
    public void close() {
        // nothing held but memory
    }
}
