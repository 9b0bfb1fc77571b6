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
        // a compact copy: pixel loops elsewhere expect a raster that starts at its first byte
        BufferedImage band = new BufferedImage(image.getWidth(), rows, image.getType());
        band.setData(image.getRaster().createChild(0, y, image.getWidth(), rows, 0, 0, null));
        return band;
    }

    @Override
    public void close() {
        // nothing held but memory
    }
}
