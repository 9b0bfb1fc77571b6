package dlcs.imaging.control;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Vector;

/**
 * A {@link BandSource} presented to an ImageIO writer as a {@link RenderedImage} whose tiles are
 * full-width bands. The writer asks for its tiles in row order, so only the current band is
 * held; each band is handed once, in order, to {@code onBand} (which builds the next level).
 */
final class BandedImage implements RenderedImage {

    interface BandListener {
        void accept(BufferedImage band) throws IOException;
    }

    private final BandSource source;
    private final int bandHeight;
    private final BandListener onBand;
    private final BufferedImage template;
    private int cachedIndex = -1;
    private BufferedImage cached;
    private int nextToAnnounce;

    BandedImage(BandSource source, int bandHeight, BandListener onBand) {
        this.source = source;
        this.bandHeight = bandHeight;
        this.onBand = onBand;
        this.template = new BufferedImage(1, 1, source.type());
    }

    private BufferedImage bandAt(int index) {
        if (index != cachedIndex) {
            int y = index * bandHeight;
            try {
                cached = source.band(y, Math.min(bandHeight, source.height() - y));
                if (index == nextToAnnounce) {
                    onBand.accept(cached);
                    nextToAnnounce++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cachedIndex = index;
        }
        return cached;
    }

    /** Reads any bands the writer did not ask for, so that the next level is complete. */
    void finish() {
        int bands = getNumYTiles();
        while (nextToAnnounce < bands) {
            bandAt(nextToAnnounce);
        }
    }

    @Override
    public Raster getData(Rectangle rect) {
        WritableRaster out = template.getRaster().createCompatibleWritableRaster(rect.width, rect.height)
                .createWritableTranslatedChild(rect.x, rect.y);
        int first = rect.y / bandHeight;
        int last = (rect.y + rect.height - 1) / bandHeight;
        for (int index = first; index <= last; index++) {
            BufferedImage band = bandAt(index);
            int bandTop = index * bandHeight;
            Rectangle part = rect.intersection(new Rectangle(0, bandTop, source.width(), band.getHeight()));
            Raster rows = band.getRaster().createChild(part.x, part.y - bandTop, part.width, part.height,
                    part.x, part.y, null);
            out.setRect(rows);
        }
        return out;
    }

    @Override
    public Raster getTile(int tileX, int tileY) {
        return getData(new Rectangle(0, tileY * bandHeight, source.width(),
                Math.min(bandHeight, source.height() - tileY * bandHeight)));
    }

    @Override
    public Raster getData() {
        return getData(new Rectangle(0, 0, source.width(), source.height()));
    }

    @Override
    public WritableRaster copyData(WritableRaster raster) {
        Raster data = getData(raster == null ? new Rectangle(0, 0, source.width(), source.height()) : raster.getBounds());
        if (raster == null) {
            return (WritableRaster) data;
        }
        raster.setRect(data);
        return raster;
    }

    @Override
    public Vector<RenderedImage> getSources() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        return java.awt.Image.UndefinedProperty;
    }

    @Override
    public String[] getPropertyNames() {
        return null;
    }

    @Override
    public ColorModel getColorModel() {
        return template.getColorModel();
    }

    @Override
    public SampleModel getSampleModel() {
        return template.getSampleModel().createCompatibleSampleModel(source.width(), bandHeight);
    }

    @Override
    public int getWidth() {
        return source.width();
    }

    @Override
    public int getHeight() {
        return source.height();
    }

    @Override
    public int getMinX() {
        return 0;
    }

    @Override
    public int getMinY() {
        return 0;
    }

    @Override
    public int getNumXTiles() {
        return 1;
    }

    @Override
    public int getNumYTiles() {
        return (source.height() + bandHeight - 1) / bandHeight;
    }

    @Override
    public int getMinTileX() {
        return 0;
    }

    @Override
    public int getMinTileY() {
        return 0;
    }

    @Override
    public int getTileWidth() {
        return source.width();
    }

    @Override
    public int getTileHeight() {
        return bandHeight;
    }

    @Override
    public int getTileGridXOffset() {
        return 0;
    }

    @Override
    public int getTileGridYOffset() {
        return 0;
    }
}
