package dlcs.imaging.control;

import static dlcs.imaging.control.TiffTags.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The TIFF container of a pyramid: a little-endian classic TIFF whose images are tiled and hold
 * one complete JPEG stream per tile (compression 7, no shared JPEGTables), each image a level,
 * the reduced ones marked {@code NewSubfileType=1}: the layout vips writes and libtiff,
 * IIPImage and the JDK's TIFF reader read. Tiles are appended as they are encoded, the IFD of
 * a level after its tiles, so nothing but a level's offsets is held in memory.
 *
 * <p>TIFF tiles are whole: those cut by the right or bottom edge are stored padded. Each such
 * tile is also stored at its true size, outside the tile grid, so that a server can send it as
 * it is too. Where they lie is written after the last directory, in a trailer that ends the
 * file: per level, the number of tiles and for each tile the offset and length of its true-size
 * copy (0 for whole tiles); then the trailer's offset and the 8 bytes {@link #TRAILER_MAGIC}.
 * TIFF readers never look at bytes no directory points to, so the file stays a plain TIFF
 * (private tags would do the same job, but libtiff warns about every one it meets).
 */
final class TiledTiffWriter implements AutoCloseable {

    /** Ends a file that has the trailer listing the true-size edge tiles. */
    static final long TRAILER_MAGIC = 0x3147_4445_5343_4C44L; // the bytes "DLCSEDG1", little-endian
    private static final long MAX_OFFSET = 0xFFFF_FFFFL;

    private final FileChannel channel;
    private final int tileSize;
    private long position;
    private long nextIfdPointer = 4;
    private final java.util.List<Level> written = new java.util.ArrayList<>();

    TiledTiffWriter(Path target, int tileSize) throws IOException {
        this.channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.tileSize = tileSize;
        ByteBuffer header = buffer(8).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0);
        write(header.flip());
    }

    /** A level being written: its tiles are added in row-major order, then {@link #finish}. */
    final class Level {
        private final int width;
        private final int height;
        private final boolean grey;
        private final long[] offsets;
        private final long[] counts;
        private final long[] edgeOffsets;
        private final long[] edgeCounts;
        private int added;

        private Level(int width, int height, boolean grey) {
            this.width = width;
            this.height = height;
            this.grey = grey;
            int tiles = tilesAcross(width) * tilesAcross(height);
            this.offsets = new long[tiles];
            this.counts = new long[tiles];
            this.edgeOffsets = new long[tiles];
            this.edgeCounts = new long[tiles];
        }

        void addTile(ByteBuffer jpeg) throws IOException {
            offsets[added] = position;
            counts[added] = jpeg.remaining();
            added++;
            write(jpeg);
        }

        /** The tile just added, at its true size: for a tile the right or bottom edge cuts. */
        void addEdgeTile(ByteBuffer jpeg) throws IOException {
            edgeOffsets[added - 1] = position;
            edgeCounts[added - 1] = jpeg.remaining();
            write(jpeg);
        }

        void finish() throws IOException {
            if (added != offsets.length) {
                throw new IllegalStateException(added + " of " + offsets.length + " tiles were written");
            }
            writeDirectory(this);
        }
    }

    Level level(int width, int height, boolean grey) {
        return new Level(width, height, grey);
    }

    private int tilesAcross(int pixels) {
        return (pixels + tileSize - 1) / tileSize;
    }

    private void writeDirectory(Level level) throws IOException {
        if ((position & 1) != 0) {
            write(buffer(1).put((byte) 0).flip());
        }
        int samples = level.grey ? 1 : 3;
        int entries = level.grey ? 15 : 18;
        int tiles = level.offsets.length;
        long ifd = position;
        long extra = ifd + 2 + entries * 12L + 4;
        ByteBuffer out = buffer((int) (extra - ifd) + 96 + tiles * 16);
        ByteBuffer values = buffer(96 + tiles * 16);
        out.putShort((short) entries);
        entry(out, NEW_SUBFILE_TYPE, LONG, 1, written.isEmpty() ? 0 : 1);
        entry(out, IMAGE_WIDTH, LONG, 1, level.width);
        entry(out, IMAGE_LENGTH, LONG, 1, level.height);
        if (level.grey) {
            entry(out, BITS_PER_SAMPLE, SHORT, 1, 8);
        } else {
            entry(out, BITS_PER_SAMPLE, SHORT, 3, extra + values.position());
            values.putShort((short) 8).putShort((short) 8).putShort((short) 8).putShort((short) 0);
        }
        entry(out, COMPRESSION, SHORT, 1, COMPRESSION_JPEG);
        entry(out, PHOTOMETRIC_INTERPRETATION, SHORT, 1,
                level.grey ? PHOTOMETRIC_BLACK_IS_ZERO : PHOTOMETRIC_YCBCR);
        entry(out, SAMPLES_PER_PIXEL, SHORT, 1, samples);
        entry(out, X_RESOLUTION, RATIONAL, 1, extra + values.position());
        values.putInt(72).putInt(1);
        entry(out, Y_RESOLUTION, RATIONAL, 1, extra + values.position());
        values.putInt(72).putInt(1);
        entry(out, PLANAR_CONFIGURATION, SHORT, 1, 1);
        entry(out, RESOLUTION_UNIT, SHORT, 1, 2);
        entry(out, TILE_WIDTH, LONG, 1, tileSize);
        entry(out, TILE_LENGTH, LONG, 1, tileSize);
        longs(out, values, extra, TILE_OFFSETS, level.offsets);
        longs(out, values, extra, TILE_BYTE_COUNTS, level.counts);
        if (!level.grey) {
            // the JPEG streams are YCbCr 4:2:0, as the tags say
            entry(out, YCBCR_SUBSAMPLING, SHORT, 2, 2 | 2 << 16);
            entry(out, YCBCR_POSITIONING, SHORT, 1, 1);
            entry(out, REFERENCE_BLACK_WHITE, RATIONAL, 6, extra + values.position());
            for (int v : new int[] {0, 255, 128, 255, 128, 255}) {
                values.putInt(v).putInt(1);
            }
        }
        out.putInt(0);
        if (out.position() != extra - ifd) {
            throw new IllegalStateException("IFD entry count mismatch");
        }
        out.put(values.flip());
        if (ifd + out.position() > MAX_OFFSET) {
            throw new IOException("The pyramid would exceed the 4 GB a classic TIFF can address.");
        }
        write(out.flip());
        channel.write(buffer(4).putInt((int) ifd).flip(), nextIfdPointer);
        nextIfdPointer = extra - 4;
        written.add(level);
    }

    /** Writes the trailer that lists the true-size edge tiles: call once, after the last level. */
    void finish() throws IOException {
        long trailer = position;
        int size = 4 + written.stream().mapToInt(l -> 4 + l.offsets.length * 12).sum() + 16;
        ByteBuffer out = buffer(size).putInt(written.size());
        for (Level level : written) {
            out.putInt(level.offsets.length);
            for (int i = 0; i < level.offsets.length; i++) {
                out.putLong(level.edgeOffsets[i]).putInt((int) level.edgeCounts[i]);
            }
        }
        out.putLong(trailer).putLong(TRAILER_MAGIC);
        write(out.flip());
    }

    /** An entry of LONGs: in the entry itself when there is one, else among the values after the IFD. */
    private static void longs(ByteBuffer out, ByteBuffer values, long extra, int tag, long[] longs) {
        if (longs.length == 1) {
            entry(out, tag, LONG, 1, longs[0]);
            return;
        }
        entry(out, tag, LONG, longs.length, extra + values.position());
        for (long value : longs) {
            values.putInt((int) value);
        }
    }

    private static void entry(ByteBuffer out, int tag, short type, int count, long value) {
        out.putShort((short) tag).putShort(type).putInt(count);
        if (type == SHORT && count == 1) {
            out.putShort((short) value).putShort((short) 0);
        } else {
            out.putInt((int) value);
        }
    }

    private void write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            position += channel.write(data, position);
        }
        if (position > MAX_OFFSET) {
            throw new IOException("The pyramid would exceed the 4 GB a classic TIFF can address.");
        }
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
