package dlcs.imaging.control;

import dlcs.imaging.entity.PyramidLevel;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * The decoded tiles that cover an area of a pyramid level, from the {@link TileCache} or read
 * from the pyramid's bytes and decoded by {@link JpegDecoder} now (and cached then). The tiles are
 * given row by row, from the one holding the area's top left corner.
 */
final class DecodedTiles {

    private DecodedTiles() {
    }

    /** The tiles of {@code level} that cover {@code area}: the first column and row, and how many of each. */
    record Grid(int firstColumn, int firstRow, int columns, int rows) {

        static Grid covering(PyramidLevel level, Rectangle area) {
            int tw = level.tileWidth();
            int th = level.tileHeight();
            int firstColumn = area.x / tw;
            int firstRow = area.y / th;
            return new Grid(firstColumn, firstRow, (area.x + area.width - 1) / tw - firstColumn + 1,
                    (area.y + area.height - 1) / th - firstRow + 1);
        }
    }

    /** The tiles as 8-bit pixels of {@code type}: BGR or grey. */
    static Rasters.Bytes[][] pixels(PyramidBytes pyramid, PyramidIndex index, PyramidLevel level, Rectangle area,
                                    TileCache cache, int type, Deadline deadline) throws IOException {
        Grid grid = Grid.covering(level, area);
        Rasters.Bytes[][] tiles = new Rasters.Bytes[grid.rows()][grid.columns()];
        String file = pyramid.id();
        JpegDecoder decoder = JpegDecoder.shared();
        fill(grid, tiles, deadline, (column, row) -> {
            TileCache.Key key = new TileCache.Key(file, level.index(), column, row);
            BufferedImage tile = cache.get(key);
            if (tile == null) {
                tile = Rasters.normalise(decoder.decode(index.tile(pyramid, level.index(), column, row)));
                if (tile.getType() != type) {
                    tile = Rasters.normalise(asType(tile, type));
                }
                cache.put(key, tile);
            }
            return Rasters.bytes(tile);
        });
        return tiles;
    }

    /** The tiles as JPEG planes; null if one is neither 4:2:0 nor grey. */
    static Planes[][] planes(PyramidBytes pyramid, PyramidIndex index, PyramidLevel level, Rectangle area,
                             TileCache cache, Deadline deadline) throws IOException {
        Grid grid = Grid.covering(level, area);
        Planes[][] tiles = new Planes[grid.rows()][grid.columns()];
        String file = pyramid.id();
        JpegDecoder decoder = JpegDecoder.shared();
        boolean all = fill(grid, tiles, deadline, (column, row) -> {
            TileCache.Key key = new TileCache.Key(file, level.index(), column, row, true);
            Planes tile = cache.getPlanes(key);
            if (tile == null) {
                tile = decoder.decodePlanes(index.tile(pyramid, level.index(), column, row));
                if (tile != null) {
                    cache.put(key, tile);
                }
            }
            return tile;
        });
        return all ? tiles : null;
    }

    /** One tile, from the cache or decoded now; null if it cannot be had in the form wanted. */
    private interface Fetch<T> {
        T tile(int column, int row) throws IOException;
    }

    /**
     * Fills {@code tiles} with those of {@code grid}, in order; false, leaving off, at the first
     * null. Gives up at {@code deadline} between tiles.
     */
    private static <T> boolean fill(Grid grid, T[][] tiles, Deadline deadline, Fetch<T> fetch) throws IOException {
        for (int row = 0; row < grid.rows(); row++) {
            for (int column = 0; column < grid.columns(); column++) {
                deadline.check();
                T tile = fetch.tile(grid.firstColumn() + column, grid.firstRow() + row);
                if (tile == null) {
                    return false;
                }
                tiles[row][column] = tile;
            }
        }
        return true;
    }

    private static BufferedImage asType(BufferedImage image, int type) {
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
            return Rasters.grey(image);
        }
        BufferedImage colour = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        colour.createGraphics().drawImage(image, 0, 0, null);
        return colour;
    }
}
