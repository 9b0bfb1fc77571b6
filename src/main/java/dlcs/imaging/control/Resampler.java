package dlcs.imaging.control;

import java.awt.image.BufferedImage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reduction by area averaging, in two separable passes over the bytes: each output pixel is the
 * mean of the source area it covers, partial pixels at its borders weighted by how much of them
 * it covers. For factors of 2 or less (larger ones are halved first) an output pixel covers at most
 * three source pixels, so each pass is a fixed three-tap sum, and both passes run a band of
 * output rows at a time through a buffer that stays in cache: as sharp as bicubic filtering and
 * several times faster than Java2D's. The source need not be one array: a region of a pyramid level is reduced
 * straight from the decoded tiles it covers.
 *
 * <p>The down pass sums eight bytes at a time, as the 16-bit lanes of two longs, so its weights
 * are in 256ths (an output differs from the exact mean by at most one level). For one sample per
 * pixel (grey images and JPEG's planes, what regions are made of) the across pass does the same
 * for four rows at once: their summed rows are turned so that a long holds one column of the four,
 * and one multiplication weighs a tap of all four (within two levels of the exact mean in all).
 * For colour pixels it weighs each sample on its own, in 65536ths.
 */
final class Resampler {

    private static final int ONE = 1 << 16;
    private static final int HALF = ONE / 2;
    /** The down pass's one: its weights times a byte, summed, still fit a 16-bit lane. */
    private static final int ROW_ONE = 1 << 8;
    private static final long LANES = 0x00FF00FF00FF00FFL;
    private static final long ROUNDING = 0x0080008000800080L;
    /** The down pass's buffer: a band of rows of about this many bytes, at least two rows. */
    private static final int BAND_BYTES = 16 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    /** Rows read as longs whose lowest byte is the first column's: the transposition depends on it. */
    private static final VarHandle LITTLE_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** The grey pass's rows at a time: one per 16-bit lane of a long. */
    private static final int QUAD = 4;
    private static final long PAIRS = 0x0000FFFF0000FFFFL;
    private static final long HALVES = 0x00000000FFFFFFFFL;

    private Resampler() {
    }

    /**
     * {@code source} (8-bit BGR or grey) reduced to {@code width} x {@code height}, neither larger
     * than it, the result's pixels from {@code arrays}; giving up at {@code deadline} between bands.
     */
    static BufferedImage reduce(BufferedImage source, int width, int height, PixelArrays arrays, Deadline deadline) {
        Rasters.Bytes from = Rasters.bytes(source);
        int bands = source.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
        return reduce(new Rows() {
            @Override
            public int pieces() {
                return 1;
            }

            @Override
            public int end(int piece) {
                return source.getWidth();
            }

            @Override
            public byte[] data(int piece, int y) {
                return from.data();
            }

            @Override
            public int offset(int piece, int y) {
                return from.offset() + y * from.stride();
            }
        }, source.getWidth(), source.getHeight(), source.getType(), bands, width, height, arrays, deadline);
    }

    /**
     * The rows of a source image, each cut into the same horizontal pieces, which may lie in
     * different arrays: the tiles a region of a pyramid level covers, read where they are.
     */
    interface Rows {

        int pieces();

        /** The first column of {@code piece}; the first piece starts at 0. */
        default int start(int piece) {
            return piece == 0 ? 0 : end(piece - 1);
        }

        /** The column after the last of {@code piece}; the last piece ends at the image's width. */
        int end(int piece);

        /** The array that holds row {@code y} of {@code piece}. */
        byte[] data(int piece, int y);

        /** Where in it that row of that piece starts. */
        int offset(int piece, int y);
    }

    /**
     * A {@code sourceWidth} x {@code sourceHeight} source of {@code type} (8-bit BGR or grey, with
     * {@code bands} samples per pixel) reduced to {@code width} x {@code height} (each at least
     * 1), giving up at {@code deadline} between bands of rows.
     */
    static BufferedImage reduce(Rows source, int sourceWidth, int sourceHeight, int type, int bands,
                                int width, int height, PixelArrays arrays, Deadline deadline) {
        Rasters.requirePositive(width, height);
        Taps down = new Taps(sourceHeight, height, 1, ROW_ONE);
        BufferedImage target = arrays.image(width, height, type);
        Rasters.Bytes to = Rasters.bytes(target);
        if (bands == 1) {
            reduceGrey(source, sourceWidth, down, width, height, arrays, deadline, to);
            return target;
        }
        Taps across = new Taps(sourceWidth, width, bands, ONE);
        // a band of output rows at a time: down into a buffer that stays in cache, then across;
        // the across pass reads up to two pixels past a row's end (with weight 0): padding
        int stride = sourceWidth * bands;
        int rows = Math.max(2, Math.min(height, BAND_BYTES / stride));
        byte[] lines = arrays.array(rows * stride + 2 * bands);
        for (int band = 0; band < height; band += rows) {
            deadline.check();
            int count = Math.min(rows, height - band);
            for (int i = 0; i < count; i++) {
                sumRows(source, down, band + i, bands, lines, i * stride);
            }
            sumAcross(lines, stride, count, across, bands, to.data(), to.offset() + band * to.stride(), to.stride(),
                    width);
        }
        return target;
    }

    /**
     * One sample per pixel, four output rows at a time: summed down into four rows, those turned
     * into one long per column holding the column's four samples in 16-bit lanes, and the longs
     * summed across, so that one multiplication weighs a tap of all four rows. Weights in 256ths
     * both ways.
     */
    private static void reduceGrey(Rows source, int sourceWidth, Taps down, int width, int height,
                                   PixelArrays arrays, Deadline deadline, Rasters.Bytes to) {
        // the taps' offsets are those of the columns' longs; the across pass reads up to two
        // columns past the last (with weight 0): padding
        Taps across = new Taps(sourceWidth, width, Long.BYTES, ROW_ONE);
        byte[] lines = arrays.array(QUAD * sourceWidth);
        byte[] columns = arrays.array((sourceWidth + 2) * Long.BYTES);
        for (int band = 0; band < height; band += QUAD) {
            deadline.check();
            int count = Math.min(QUAD, height - band);
            for (int i = 0; i < QUAD; i++) {
                // rows past the image's last repeat it, and are not written out
                sumRows(source, down, band + Math.min(i, count - 1), 1, lines, i * sourceWidth);
            }
            transpose(lines, sourceWidth, columns);
            int out = to.offset() + band * to.stride();
            if (count == QUAD) {
                sumAcross(columns, across.packed, to.data(), out, to.stride(), width);
            } else {
                sumAcross(columns, across.packed, to.data(), out, to.stride(), width, count);
            }
        }
    }

    /** Output row {@code y} summed down from the source's rows, piece by piece, into {@code lines} at {@code at}. */
    private static void sumRows(Rows source, Taps down, int y, int bands, byte[] lines, int at) {
        int ya = down.first[y];
        int yb = down.second[y];
        int yc = down.third[y];
        int pieces = source.pieces();
        for (int piece = 0; piece < pieces; piece++) {
            int start = source.start(piece) * bands;
            sumRows(source.data(piece, ya), source.offset(piece, ya), down.firstWeight[y],
                    source.data(piece, yb), source.offset(piece, yb), down.secondWeight[y],
                    source.data(piece, yc), source.offset(piece, yc), down.thirdWeight[y],
                    lines, at + start, source.end(piece) * bands - start);
        }
    }

    /*
     * The passes are methods of their own, on arrays only, each with its whole loop inside: the
     * JIT compiles them well whether or not it inlines them into the loop around.
     */

    /**
     * {@code length} bytes of {@code line} from {@code start}: the weighted sum (weights in 256ths)
     * of three rows. Eight bytes at a time: the even and the odd bytes of a long, each widened to
     * a 16-bit lane, are multiplied by a weight in one go; 255 times 256 leaves no carry.
     */
    private static void sumRows(byte[] da, int a, int wa, byte[] db, int b, int wb, byte[] dc, int c, int wc,
                                byte[] line, int start, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long x = (long) LONGS.get(da, a + i);
            long y = (long) LONGS.get(db, b + i);
            long z = (long) LONGS.get(dc, c + i);
            long even = (x & LANES) * wa + (y & LANES) * wb + (z & LANES) * wc + ROUNDING;
            long odd = (x >>> 8 & LANES) * wa + (y >>> 8 & LANES) * wb + (z >>> 8 & LANES) * wc + ROUNDING;
            LONGS.set(line, start + i, even >>> 8 & LANES | odd & ~LANES);
        }
        for (; i < length; i++) {
            line[start + i] = (byte) (((da[a + i] & 0xFF) * wa + (db[b + i] & 0xFF) * wb
                    + (dc[c + i] & 0xFF) * wc + ROW_ONE / 2) >>> 8);
        }
    }

    /**
     * Four rows of {@code width} bytes, {@code stride} apart in {@code lines}, as {@code width}
     * longs in {@code columns}: column {@code c}'s samples of the four rows in its long's four
     * 16-bit lanes, the first row lowest. Eight columns at a time: each row's eight bytes read as
     * one long, its even and its odd columns spread into lanes, and the four rows' lanes
     * exchanged as in a 4x4 transposition.
     */
    private static void transpose(byte[] lines, int stride, byte[] columns) {
        int c = 0;
        for (; c + 8 <= stride; c += 8) {
            long a = (long) LITTLE_LONGS.get(lines, c);
            long b = (long) LITTLE_LONGS.get(lines, stride + c);
            long x = (long) LITTLE_LONGS.get(lines, 2 * stride + c);
            long d = (long) LITTLE_LONGS.get(lines, 3 * stride + c);
            int at = c * Long.BYTES;
            quarter(a & LANES, b & LANES, x & LANES, d & LANES, columns, at, 2 * Long.BYTES);
            quarter(a >>> 8 & LANES, b >>> 8 & LANES, x >>> 8 & LANES, d >>> 8 & LANES, columns, at + Long.BYTES,
                    2 * Long.BYTES);
        }
        for (; c < stride; c++) {
            LONGS.set(columns, c * Long.BYTES, (lines[c] & 0xFFL) | (lines[stride + c] & 0xFFL) << 16
                    | (lines[2 * stride + c] & 0xFFL) << 32 | (lines[3 * stride + c] & 0xFFL) << 48);
        }
    }

    /**
     * Four longs of four 16-bit lanes (a row's columns each) written as four longs of the rows'
     * lanes (a column's rows each), {@code step} bytes apart from {@code at}.
     */
    private static void quarter(long a, long b, long c, long d, byte[] columns, int at, int step) {
        long ab02 = a & PAIRS | (b & PAIRS) << 16;
        long ab13 = a >>> 16 & PAIRS | b & ~PAIRS;
        long cd02 = c & PAIRS | (d & PAIRS) << 16;
        long cd13 = c >>> 16 & PAIRS | d & ~PAIRS;
        LONGS.set(columns, at, ab02 & HALVES | cd02 << 32);
        LONGS.set(columns, at + step, ab13 & HALVES | cd13 << 32);
        LONGS.set(columns, at + 2 * step, ab02 >>> 32 | cd02 & ~HALVES);
        LONGS.set(columns, at + 3 * step, ab13 >>> 32 | cd13 & ~HALVES);
    }

    /**
     * Four output rows of {@code width} pixels from the columns' longs: three taps, each one
     * multiplication of a long for all four rows (weights in 256ths: a lane's sum stays under
     * 2^16), the lanes' high bytes the four results.
     */
    private static void sumAcross(byte[] columns, int[] taps, byte[] result, int out, int outStride, int width) {
        for (int x = 0, t = 0; x < width; x++, t += 4) {
            long sum = sum(columns, taps, t);
            int o = out + x;
            result[o] = (byte) (sum >>> 8);
            result[o + outStride] = (byte) (sum >>> 24);
            result[o + 2 * outStride] = (byte) (sum >>> 40);
            result[o + 3 * outStride] = (byte) (sum >>> 56);
        }
    }

    /** The same for the first {@code rows} (fewer than four) of them: the image's last rows. */
    private static void sumAcross(byte[] columns, int[] taps, byte[] result, int out, int outStride, int width,
                                  int rows) {
        for (int x = 0, t = 0; x < width; x++, t += 4) {
            long sum = sum(columns, taps, t);
            for (int row = 0; row < rows; row++) {
                result[out + row * outStride + x] = (byte) (sum >>> 8 + 16 * row);
            }
        }
    }

    /** The weighted sum of the three columns' longs that tap {@code t} names, rounded, in four 16-bit lanes. */
    private static long sum(byte[] columns, int[] taps, int t) {
        int p = taps[t];
        return (long) LONGS.get(columns, p) * taps[t + 1] + (long) LONGS.get(columns, p + Long.BYTES) * taps[t + 2]
                + (long) LONGS.get(columns, p + 2 * Long.BYTES) * taps[t + 3] + ROUNDING;
    }

    /** The same for pixels of {@code bands} samples. */
    private static void sumAcross(byte[] lines, int stride, int rows, Taps across, int bands, byte[] result,
                                  int out, int outStride, int width) {
        int[] first = across.first;
        int[] firstWeight = across.firstWeight;
        int[] secondWeight = across.secondWeight;
        int[] thirdWeight = across.thirdWeight;
        for (int y = 0; y < rows; y++) {
            int in = y * stride;
            int to = out + y * outStride;
            for (int x = 0; x < width; x++) {
                int wp = firstWeight[x];
                int wq = secondWeight[x];
                int wr = thirdWeight[x];
                for (int band = 0; band < bands; band++) {
                    int p = in + first[x] + band;
                    result[to + band] = (byte) (((lines[p] & 0xFF) * wp + (lines[p + bands] & 0xFF) * wq
                            + (lines[p + 2 * bands] & 0xFF) * wr + HALF) >>> 16);
                }
                to += bands;
            }
        }
    }
}
