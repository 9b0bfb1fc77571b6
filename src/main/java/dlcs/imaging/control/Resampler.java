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
 * are in 256ths (an output differs from the exact mean by at most one level); the across pass
 * weighs in 65536ths.
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
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

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
        Taps across = new Taps(sourceWidth, width, bands, ONE);
        BufferedImage target = arrays.image(width, height, type);
        Rasters.Bytes to = Rasters.bytes(target);
        // a band of output rows at a time: down into a buffer that stays in cache, then across;
        // the across pass reads up to two samples past a row's end (with weight 0), the grey one
        // three, as one int: padding
        int stride = sourceWidth * bands;
        int rows = Math.max(2, Math.min(height, BAND_BYTES / stride));
        byte[] lines = arrays.array(rows * stride + 2 * bands + 4);
        int pieces = source.pieces();
        for (int band = 0; band < height; band += rows) {
            deadline.check();
            int count = Math.min(rows, height - band);
            for (int i = 0; i < count; i++) {
                // the row as a weighted sum of up to three source rows, piece by piece
                int y = band + i;
                int ya = down.first[y];
                int yb = down.second[y];
                int yc = down.third[y];
                for (int piece = 0; piece < pieces; piece++) {
                    int start = source.start(piece) * bands;
                    sumRows(source.data(piece, ya), source.offset(piece, ya), down.firstWeight[y],
                            source.data(piece, yb), source.offset(piece, yb), down.secondWeight[y],
                            source.data(piece, yc), source.offset(piece, yc), down.thirdWeight[y],
                            lines, i * stride + start, source.end(piece) * bands - start);
                }
            }
            int out = to.offset() + band * to.stride();
            if (bands == 1) {
                sumAcross(lines, stride, count, across, to.data(), out, to.stride(), width);
            } else {
                sumAcross(lines, stride, count, across, bands, to.data(), out, to.stride(), width);
            }
        }
        return target;
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
     * {@code rows} output rows of {@code width} grey pixels, from as many summed rows of
     * {@code lines}; four rows at a time, which share their taps (the taps' loads, not the sums,
     * were the cost of one row at a time).
     */
    private static void sumAcross(byte[] lines, int stride, int rows, Taps across, byte[] result, int out,
                                  int outStride, int width) {
        int[] taps = across.packed;
        int y = 0;
        for (; y + 4 <= rows; y += 4) {
            int in = y * stride;
            int to = out + y * outStride;
            for (int x = 0, t = 0; x < width; x++, t += 4) {
                int p = in + taps[t];
                int wp = taps[t + 1];
                int wq = taps[t + 2];
                int wr = taps[t + 3];
                int o = to + x;
                result[o] = sum(lines, p, wp, wq, wr);
                result[o + outStride] = sum(lines, p + stride, wp, wq, wr);
                result[o + 2 * outStride] = sum(lines, p + 2 * stride, wp, wq, wr);
                result[o + 3 * outStride] = sum(lines, p + 3 * stride, wp, wq, wr);
            }
        }
        for (; y < rows; y++) {
            int in = y * stride;
            int to = out + y * outStride;
            for (int x = 0, t = 0; x < width; x++, t += 4) {
                result[to + x] = sum(lines, in + taps[t], taps[t + 1], taps[t + 2], taps[t + 3]);
            }
        }
    }

    /**
     * Three neighbouring samples from {@code p}, weighed in 65536ths and rounded; read as one int
     * (one load and one bounds check instead of three), which {@code lines}' padding allows.
     */
    private static byte sum(byte[] lines, int p, int wp, int wq, int wr) {
        int four = (int) INTS.get(lines, p);
        return (byte) (((four & 0xFF) * wp + (four >>> 8 & 0xFF) * wq + (four >>> 16 & 0xFF) * wr + HALF) >>> 16);
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
