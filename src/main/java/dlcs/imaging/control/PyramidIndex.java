package dlcs.imaging.control;

import dlcs.imaging.entity.PyramidLevel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every tile of a stored pyramid lies in its file: parsed once from the TIFF directories
 * (classic TIFF, either byte order) in a few block reads ({@link IndexBlocks}), then kept, so
 * that serving a tile is one ranged read of the file, local or in a store.
 * Only what serving needs is read: sizes, tile sizes, tile offsets and lengths, and whether the
 * tiles are grey, and where the tiles the image's edge cuts are stored at their true size, when
 * they are (see {@link TiledTiffWriter}). Any tiled JPEG TIFF whose tiles are complete JPEG
 * streams qualifies.
 */
public final class PyramidIndex {

    private static final int MAX_LEVELS = 40;
    private final List<PyramidLevel> levels;
    private final List<long[]> offsets;
    private final List<int[]> lengths;
    private final List<long[]> edgeOffsets;
    private final List<int[]> edgeLengths;
    private final boolean grey;

    private PyramidIndex(List<PyramidLevel> levels, List<long[]> offsets, List<int[]> lengths,
                         List<long[]> edgeOffsets, List<int[]> edgeLengths, boolean grey) {
        this.levels = List.copyOf(levels);
        this.offsets = List.copyOf(offsets);
        this.lengths = List.copyOf(lengths);
        this.edgeOffsets = List.copyOf(edgeOffsets);
        this.edgeLengths = List.copyOf(edgeLengths);
        this.grey = grey;
    }

    public List<PyramidLevel> levels() {
        return levels;
    }

    public PyramidLevel full() {
        return levels.get(0);
    }

    /** True when the tiles hold one grey channel. */
    public boolean grey() {
        return grey;
    }

    /** Tiles across a level. */
    int columns(int level) {
        PyramidLevel l = levels.get(level);
        return (l.width() + l.tileWidth() - 1) / l.tileWidth();
    }

    /** The JPEG stream of a tile, read from {@code file}. */
    byte[] tile(PyramidBytes file, int level, int column, int row) throws IOException {
        int tile = row * columns(level) + column;
        return file.read(offsets.get(level)[tile], lengths.get(level)[tile]);
    }

    /** Whether a tile the image's edge cuts is also stored at its true size. */
    boolean hasEdgeTile(int level, int column, int row) {
        return edgeLengths.get(level)[row * columns(level) + column] > 0;
    }

    /** The JPEG stream of a tile at its true size, where {@link #hasEdgeTile} says it is stored. */
    byte[] edgeTile(PyramidBytes file, int level, int column, int row) throws IOException {
        int tile = row * columns(level) + column;
        return file.read(edgeOffsets.get(level)[tile], edgeLengths.get(level)[tile]);
    }

    /** The index of a pyramid in a local file. */
    public static PyramidIndex read(Path pyramid) throws IOException {
        return read(PyramidBytes.of(pyramid));
    }

    public static PyramidIndex read(PyramidBytes file) throws IOException {
        String pyramid = file.id();
        IndexBlocks blocks = new IndexBlocks(file);
        ByteBuffer header = blocks.read(0, 8, ByteOrder.LITTLE_ENDIAN);
        ByteOrder order = switch (header.getShort(0)) {
            case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
            case 0x4D4D -> ByteOrder.BIG_ENDIAN;
            default -> throw new IOException(pyramid + " is not a TIFF file");
        };
        header.order(order);
        if (header.getShort(2) != 42) {
            throw new IOException(pyramid + " is not a classic TIFF file");
        }
        List<PyramidLevel> levels = new ArrayList<>();
        List<long[]> offsets = new ArrayList<>();
        List<int[]> lengths = new ArrayList<>();
        List<long[]> edgeOffsets = new ArrayList<>();
        List<int[]> edgeLengths = new ArrayList<>();
        boolean grey = false;
        long ifd = Integer.toUnsignedLong(header.getInt(4));
        while (ifd != 0) {
            if (levels.size() == MAX_LEVELS) {
                throw new IOException(pyramid + " has more than " + MAX_LEVELS + " directories");
            }
            TiffDirectory directory = TiffDirectory.read(blocks, ifd, order);
            int width = (int) directory.single(TiffTags.IMAGE_WIDTH);
            int height = (int) directory.single(TiffTags.IMAGE_LENGTH);
            int tileWidth = (int) directory.single(TiffTags.TILE_WIDTH);
            int tileHeight = (int) directory.single(TiffTags.TILE_LENGTH);
            if (directory.single(TiffTags.COMPRESSION) != TiffTags.COMPRESSION_JPEG) {
                throw new IOException(pyramid + " level " + levels.size() + " is not JPEG-compressed");
            }
            long[] tileOffsets = directory.values(TiffTags.TILE_OFFSETS);
            long[] tileLengths = directory.values(TiffTags.TILE_BYTE_COUNTS);
            int tiles = ((width + tileWidth - 1) / tileWidth) * ((height + tileHeight - 1) / tileHeight);
            if (tileOffsets.length != tiles || tileLengths.length != tiles) {
                throw new IOException(pyramid + " level " + levels.size() + " lists the wrong number of tiles");
            }
            edgeOffsets.add(new long[tiles]);
            edgeLengths.add(new int[tiles]);
            grey = directory.single(TiffTags.SAMPLES_PER_PIXEL) == 1;
            levels.add(new PyramidLevel(levels.size(), width, height, tileWidth, tileHeight));
            offsets.add(tileOffsets);
            lengths.add(ints(tileLengths));
            ifd = directory.next();
        }
        if (levels.isEmpty()) {
            throw new IOException(pyramid + " holds no image");
        }
        readTrailer(blocks, edgeOffsets, edgeLengths);
        return new PyramidIndex(levels, offsets, lengths, edgeOffsets, edgeLengths, grey);
    }

    /** The true-size edge tiles, when the file ends with the trailer that lists them. */
    private static void readTrailer(IndexBlocks blocks, List<long[]> edgeOffsets, List<int[]> edgeLengths)
            throws IOException {
        long size = blocks.size();
        if (size < 24) {
            return;
        }
        ByteBuffer end = blocks.read(size - 16, 16, ByteOrder.LITTLE_ENDIAN);
        long start = end.getLong(0);
        if (end.getLong(8) != TiledTiffWriter.TRAILER_MAGIC || start < 8 || start > size - 20) {
            return;
        }
        ByteBuffer trailer = blocks.read(start, (int) Math.min(Integer.MAX_VALUE, size - 16 - start),
                ByteOrder.LITTLE_ENDIAN);
        if (trailer.getInt() != edgeOffsets.size()) {
            throw new IOException("The pyramid's edge tile trailer lists the wrong number of levels");
        }
        for (int level = 0; level < edgeOffsets.size(); level++) {
            long[] offsets = edgeOffsets.get(level);
            int[] lengths = edgeLengths.get(level);
            if (trailer.getInt() != offsets.length) {
                throw new IOException("The pyramid's edge tile trailer lists the wrong number of tiles");
            }
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = trailer.getLong();
                lengths[i] = trailer.getInt();
            }
        }
    }

    private static int[] ints(long[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = Math.toIntExact(values[i]);
        }
        return ints;
    }
}
