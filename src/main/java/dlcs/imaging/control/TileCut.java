package dlcs.imaging.control;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * An area of a pyramid level (or of one of its planes), read where its decoded tiles hold it:
 * as rows in pieces, one per tile column, so that it is reduced without being copied out first.
 * {@code tiles} are those that cover the area, from the one holding its top left corner.
 */
final class TileCut implements Resampler.Rows {

    private final Rectangle area;
    private final int tileWidth;
    private final int tileHeight;
    private final int firstColumn;
    private final int firstRow;
    private final int bands;
    private final Rasters.Bytes[][] tiles;

    TileCut(Rectangle area, int tileWidth, int tileHeight, int bands, Rasters.Bytes[][] tiles) {
        this.area = area;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.bands = bands;
        this.tiles = tiles;
        firstColumn = area.x / tileWidth;
        firstRow = area.y / tileHeight;
    }

    @Override
    public int pieces() {
        return tiles[0].length;
    }

    @Override
    public int end(int piece) {
        return Math.min(area.width, (firstColumn + piece + 1) * tileWidth - area.x);
    }

    @Override
    public byte[] data(int piece, int y) {
        return tiles[(area.y + y) / tileHeight - firstRow][piece].data();
    }

    @Override
    public int offset(int piece, int y) {
        int inLevel = area.y + y;
        Rasters.Bytes tile = tiles[inLevel / tileHeight - firstRow][piece];
        int x = piece == 0 ? area.x - firstColumn * tileWidth : 0;
        return tile.offset() + (inLevel % tileHeight) * tile.stride() + x * bands;
    }

    /** The area's pixels copied into one image of {@code type}. */
    BufferedImage compose(int type, PixelArrays arrays) {
        BufferedImage target = arrays.image(area.width, area.height, type);
        Rasters.Bytes to = Rasters.bytes(target);
        for (int y = 0; y < area.height; y++) {
            for (int piece = 0; piece < pieces(); piece++) {
                int start = start(piece);
                System.arraycopy(data(piece, y), offset(piece, y), to.data(),
                        to.offset() + y * to.stride() + start * bands, (end(piece) - start) * bands);
            }
        }
        return target;
    }
}
