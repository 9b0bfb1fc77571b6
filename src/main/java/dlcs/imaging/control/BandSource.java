package dlcs.imaging.control;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * An image read a band of rows at a time, as 8-bit BGR or grey ({@link Rasters#normalise}), so
 * that a pyramid can be built from a master far larger than the heap.
 */
public interface BandSource extends AutoCloseable {

    int width();

    int height();

    /** {@link BufferedImage#TYPE_3BYTE_BGR} or {@link BufferedImage#TYPE_BYTE_GRAY}. */
    int type();

    /** Rows {@code y} to {@code y + rows - 1}, full width. */
    BufferedImage band(int y, int rows) throws IOException;

    @Override
    void close() throws IOException;
}
