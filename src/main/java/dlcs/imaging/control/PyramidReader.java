package dlcs.imaging.control;

import dlcs.imaging.entity.PyramidLevel;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads a stored pyramid through its {@link PyramidIndex}: a stored tile as the JPEG bytes it
 * is kept as, or a region of the image rendered from the smallest level that still has enough
 * pixels for the requested output, decoding only the tiles the region touches.
 */
public final class PyramidReader {

    /** Idle JPEG readers, reused: creating one per tile would cost more than decoding the tile. */
    private static final ConcurrentLinkedQueue<ImageReader> READERS = new ConcurrentLinkedQueue<>();
    private static final int MAX_IDLE_READERS = 64;

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
    public static byte[] tileBytes(Path pyramid, PyramidIndex index, Tile tile) throws IOException {
        try (FileChannel channel = FileChannel.open(pyramid, StandardOpenOption.READ)) {
            if (index.hasEdgeTile(tile.level(), tile.column(), tile.row())) {
                return PyramidIndex.read(channel, index.edgeOffset(tile.level(), tile.column(), tile.row()),
                        index.edgeLength(tile.level(), tile.column(), tile.row()), ByteOrder.BIG_ENDIAN).array();
            }
            return read(channel, index, tile.level(), tile.column(), tile.row());
        }
    }

    /** {@code region} (in full-size pixels) scaled to exactly {@code width} x {@code height}. */
    public static BufferedImage render(Path pyramid, PyramidIndex index, Rectangle region, int width, int height)
            throws IOException {
        return render(pyramid, index, region, width, height, new TileCache(0), PixelArrays.FRESH);
    }

    /**
     * The same, with decoded tiles taken from and kept in {@code cache}, and the pixels of the
     * result and of the working images from {@code arrays}.
     */
    public static BufferedImage render(Path pyramid, PyramidIndex index, Rectangle region, int width, int height,
                                       TileCache cache, PixelArrays arrays) throws IOException {
        PyramidLevel full = index.full();
        PyramidLevel chosen = full;
        for (PyramidLevel level : index.levels()) {
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
        int type = index.grey() ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        Cut cut = new Cut(pyramid, index, chosen, source, cache, type);
        if (source.width >= width && source.height >= height && source.width < 2 * width
                && source.height < 2 * height) {
            // the usual case: reduced straight from the tiles, the region never copied out
            return Resampler.reduce(cut, source.width, source.height, type, cut.bands, width, height, arrays);
        }
        return Rasters.scale(cut.compose(arrays), width, height, arrays);
    }

    /**
     * An area of a level, as the decoded tiles that cover it (from the cache, or read and decoded
     * now), and read where they are: as rows in pieces, one per tile column.
     */
    private static final class Cut implements Resampler.Rows {
        private final Rectangle area;
        private final int tileWidth;
        private final int tileHeight;
        private final int firstColumn;
        private final int firstRow;
        private final int bands;
        private final int type;
        private final Rasters.Bytes[][] tiles;

        Cut(Path pyramid, PyramidIndex index, PyramidLevel level, Rectangle area, TileCache cache, int type)
                throws IOException {
            this.area = area;
            this.type = type;
            this.bands = type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
            tileWidth = level.tileWidth();
            tileHeight = level.tileHeight();
            firstColumn = area.x / tileWidth;
            firstRow = area.y / tileHeight;
            int lastColumn = (area.x + area.width - 1) / tileWidth;
            int lastRow = (area.y + area.height - 1) / tileHeight;
            tiles = new Rasters.Bytes[lastRow - firstRow + 1][lastColumn - firstColumn + 1];
            String file = pyramid.toString();
            FileChannel channel = null;
            try {
                for (int row = firstRow; row <= lastRow; row++) {
                    for (int column = firstColumn; column <= lastColumn; column++) {
                        TileCache.Key key = new TileCache.Key(file, level.index(), column, row);
                        BufferedImage tile = cache.get(key);
                        if (tile == null) {
                            if (channel == null) {
                                channel = FileChannel.open(pyramid, StandardOpenOption.READ);
                            }
                            tile = Rasters.normalise(decode(read(channel, index, level.index(), column, row)));
                            if (tile.getType() != type) {
                                tile = Rasters.normalise(asType(tile, type));
                            }
                            cache.put(key, tile);
                        }
                        tiles[row - firstRow][column - firstColumn] = Rasters.bytes(tile);
                    }
                }
            } finally {
                if (channel != null) {
                    channel.close();
                }
            }
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

        /** The area's pixels copied into one image. */
        BufferedImage compose(PixelArrays arrays) {
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

    private static BufferedImage asType(BufferedImage image, int type) {
        return type == BufferedImage.TYPE_BYTE_GRAY ? Rasters.grey(image) : colour(image);
    }

    private static BufferedImage colour(BufferedImage image) {
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        target.createGraphics().drawImage(image, 0, 0, null);
        return target;
    }

    private static byte[] read(FileChannel channel, PyramidIndex index, int level, int column, int row)
            throws IOException {
        int length = index.length(level, column, row);
        return PyramidIndex.read(channel, index.offset(level, column, row), length, ByteOrder.BIG_ENDIAN).array();
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null) {
            return turbo.decode(jpeg);
        }
        ImageReader reader = READERS.poll();
        if (reader == null) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                throw new IOException("No ImageIO JPEG reader is installed.");
            }
            reader = readers.next();
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            BufferedImage tile = reader.read(0);
            reader.setInput(null);
            if (READERS.size() < MAX_IDLE_READERS) {
                READERS.offer(reader);
                reader = null;
            }
            return tile;
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }
}
