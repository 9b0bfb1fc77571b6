package dlcs.imaging.control;

import dlcs.imaging.entity.PyramidLevel;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a stored pyramid through its {@link PyramidIndex}: a stored tile as the JPEG bytes it
 * is kept as, or a region of the image rendered from the smallest level that still has enough
 * pixels for the requested output, decoding only the tiles the region touches.
 */
public final class PyramidReader {

    /** A tile of a level, by column and row. */
    public record Tile(int level, int column, int row) {
    }

    private PyramidReader() {
    }

    /**
     * The stored tile whose pixels are exactly {@code region} of the full image at
     * {@code width} x {@code height}, if there is one: a tile of the level whose scale factor
     * gives that size; a tile cut by the right or bottom edge qualifies when it is also stored at
     * its true size.
     */
    public static Optional<Tile> storedTile(PyramidIndex index, Rectangle region, int width, int height) {
        PyramidLevel full = index.full();
        for (PyramidLevel level : index.levels()) {
            int scale = level.scaleFactor();
            int spanX = level.tileWidth() * scale;
            int spanY = level.tileHeight() * scale;
            if (region.x % spanX != 0 || region.y % spanY != 0) {
                continue;
            }
            int column = region.x / spanX;
            int row = region.y / spanY;
            int tileWidth = Math.min(level.tileWidth(), level.width() - column * level.tileWidth());
            int tileHeight = Math.min(level.tileHeight(), level.height() - row * level.tileHeight());
            boolean whole = tileWidth == level.tileWidth() && tileHeight == level.tileHeight();
            boolean sized = width == tileWidth && height == tileHeight
                    && region.width == Math.min(spanX, full.width() - region.x)
                    && region.height == Math.min(spanY, full.height() - region.y);
            if (sized && (whole || index.hasEdgeTile(level.index(), column, row))) {
                return Optional.of(new Tile(level.index(), column, row));
            }
        }
        return Optional.empty();
    }

    /** The JPEG stream of a stored tile as stored: at its true size, for a tile the image's edge cuts. */
    public static byte[] tileBytes(PyramidBytes pyramid, PyramidIndex index, Tile tile) throws IOException {
        if (index.hasEdgeTile(tile.level(), tile.column(), tile.row())) {
            return index.edgeTile(pyramid, tile.level(), tile.column(), tile.row());
        }
        return index.tile(pyramid, tile.level(), tile.column(), tile.row());
    }

    /**
     * {@code region} (in full-size pixels) scaled to exactly {@code width} x {@code height} (each
     * at least 1), with decoded tiles taken from and kept in {@code cache}, and the pixels of the
     * result and of the working images from {@code arrays}; giving up at {@code deadline} between
     * tiles and bands.
     */
    public static BufferedImage render(PyramidBytes pyramid, PyramidIndex index, Rectangle region, int width, int height,
                                       TileCache cache, PixelArrays arrays, Deadline deadline) throws IOException {
        Rasters.requirePositive(width, height);
        Source source = source(index, region, width, height);
        Rectangle area = source.area();
        int type = index.grey() ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        int bands = type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
        TileCut cut = new TileCut(area, source.level().tileWidth(), source.level().tileHeight(), bands,
                DecodedTiles.pixels(pyramid, index, source.level(), area, cache, type, deadline));
        if (reducible(area.width, area.height, width, height)) {
            // the usual case: reduced straight from the tiles, the region never copied out
            return Resampler.reduce(cut, area.width, area.height, type, bands, width, height, arrays, deadline);
        }
        deadline.check();
        return Rasters.scale(cut.compose(type, arrays), width, height, arrays, deadline);
    }

    /**
     * {@code region} (in full-size pixels) scaled to exactly {@code width} x {@code height} as
     * JPEG planes, reduced plane by plane straight from the tiles' own planes: no colour
     * conversion and half the bytes of {@link #render}. Null when that cannot be done: no
     * libjpeg-turbo, tiles not 4:2:0 or grey, or a reduction the one-step resampler does not
     * make (then {@link #render} does it). Gives up at {@code deadline} between tiles and bands.
     */
    public static Planes renderPlanes(PyramidBytes pyramid, PyramidIndex index, Rectangle region, int width, int height,
                                      TileCache cache, PixelArrays arrays, Deadline deadline) throws IOException {
        Rasters.requirePositive(width, height);
        Source source = source(index, region, width, height);
        Rectangle area = source.area();
        PyramidLevel level = source.level();
        int tw = level.tileWidth();
        int th = level.tileHeight();
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        // an area starting on an odd pixel reaches half a chroma pixel further on each side
        Rectangle chroma = new Rectangle(area.x / 2, area.y / 2, 0, 0);
        chroma.width = Math.min((level.width() + 1) / 2, (area.x + area.width + 1) / 2) - chroma.x;
        chroma.height = Math.min((level.height() + 1) / 2, (area.y + area.height + 1) / 2) - chroma.y;
        fitToOneStep(chroma, chromaWidth, chromaHeight);
        if (!JpegDecoder.shared().decodesPlanes() || tw % 2 != 0 || th % 2 != 0
                || !reducible(area.width, area.height, width, height)
                || !index.grey() && !reducible(chroma.width, chroma.height, chromaWidth, chromaHeight)) {
            return null;
        }
        Planes[][] tiles = DecodedTiles.planes(pyramid, index, level, area, cache, deadline);
        if (tiles == null) {
            return null;
        }
        int rows = tiles.length;
        int columns = tiles[0].length;
        Rasters.Bytes[][] luma = new Rasters.Bytes[rows][columns];
        Rasters.Bytes[][] blue = new Rasters.Bytes[rows][columns];
        Rasters.Bytes[][] red = new Rasters.Bytes[rows][columns];
        boolean grey = tiles[0][0].grey();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                Planes tile = tiles[row][column];
                if (tile.grey() != grey || tile.width() != tw || tile.height() != th) {
                    return null;
                }
                luma[row][column] = new Rasters.Bytes(tile.luma(), 0, tw, 1);
                if (!grey) {
                    blue[row][column] = new Rasters.Bytes(tile.blue(), 0, tile.chromaWidth(), 1);
                    red[row][column] = new Rasters.Bytes(tile.red(), 0, tile.chromaWidth(), 1);
                }
            }
        }
        int type = BufferedImage.TYPE_BYTE_GRAY;
        byte[] y = Rasters.bytes(Resampler.reduce(new TileCut(area, tw, th, 1, luma), area.width, area.height, type, 1,
                width, height, arrays, deadline)).data();
        if (grey) {
            return new Planes(width, height, y, null, null);
        }
        byte[] cb = Rasters.bytes(Resampler.reduce(new TileCut(chroma, tw / 2, th / 2, 1, blue), chroma.width,
                chroma.height, type, 1, chromaWidth, chromaHeight, arrays, deadline)).data();
        byte[] cr = Rasters.bytes(Resampler.reduce(new TileCut(chroma, tw / 2, th / 2, 1, red), chroma.width,
                chroma.height, type, 1, chromaWidth, chromaHeight, arrays, deadline)).data();
        return new Planes(width, height, y, cb, cr);
    }

    /**
     * How many pixels of decoded tiles {@link #render} reads for {@code region} at {@code width} x
     * {@code height}: those of the tiles that cover the region in the level it is drawn from.
     */
    public static long coveredPixels(PyramidIndex index, Rectangle region, int width, int height) {
        Rasters.requirePositive(width, height);
        Source source = source(index, region, width, height);
        PyramidLevel level = source.level();
        DecodedTiles.Grid tiles = DecodedTiles.Grid.covering(level, source.area());
        return (long) tiles.columns() * level.tileWidth() * tiles.rows() * level.tileHeight();
    }

    /** Whether the one-step resampler reduces {@code from} to {@code to}: smaller, but by half at most. */
    private static boolean reducible(int fromWidth, int fromHeight, int toWidth, int toHeight) {
        return fromWidth >= toWidth && fromHeight >= toHeight && fromWidth <= 2L * toWidth
                && fromHeight <= 2L * toHeight;
    }

    /**
     * Where {@code area} (rounded out to whole pixels) is one pixel more than twice the output
     * {@code width} or {@code height}, leaves its last pixel out on that side, a shift of under
     * half an output pixel, so that the one-step resampler reduces it.
     */
    private static void fitToOneStep(Rectangle area, int width, int height) {
        if (area.width == 2L * width + 1) {
            area.width--;
        }
        if (area.height == 2L * height + 1) {
            area.height--;
        }
    }

    /** The level a region is drawn from, and the region in that level's pixels, for an output of {@code width} x {@code height}. */
    private record Source(PyramidLevel level, double scaleX, double scaleY, Rectangle region, int width, int height) {

        /**
         * The area of the level that covers the region: whole pixels, so up to one more at each
         * end than the region's own ({@link #fitToOneStep}).
         */
        Rectangle area() {
            int x0 = (int) Math.floor(region.x * scaleX);
            int y0 = (int) Math.floor(region.y * scaleY);
            int x1 = Math.min(level.width(), (int) Math.ceil((region.x + region.width) * scaleX));
            int y1 = Math.min(level.height(), (int) Math.ceil((region.y + region.height) * scaleY));
            Rectangle area = new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
            fitToOneStep(area, width, height);
            return area;
        }
    }

    /** The smallest level that still has {@code width} x {@code height} pixels for the region. */
    private static Source source(PyramidIndex index, Rectangle region, int width, int height) {
        PyramidLevel full = index.full();
        PyramidLevel chosen = full;
        for (PyramidLevel level : index.levels()) {
            double scale = (double) level.width() / full.width();
            if (region.width * scale >= width && region.height * scale >= height) {
                chosen = level;
            }
        }
        return new Source(chosen, (double) chosen.width() / full.width(), (double) chosen.height() / full.height(),
                region, width, height);
    }
}
