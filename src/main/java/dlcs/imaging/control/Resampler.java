package dlcs.imaging.control;

import java.awt.image.BufferedImage;

/**
 * Reduction by area averaging, in two separable passes over the bytes: each output pixel is the
 * mean of the source area it covers, partial pixels at its borders weighted by how much of them
 * it covers. For factors below 2 (larger ones are halved first) an output pixel covers at most
 * three source pixels, so each pass is a fixed three-tap sum, and both passes run one output
 * row at a time through a one-row buffer: as sharp as bicubic filtering and several times faster
 * than Java2D's. The source need not be one array: a region of a pyramid level is reduced
 * straight from the decoded tiles it covers.
 */
final class Resampler {

    private static final int ONE = 1 << 16;
    private static final int HALF = ONE / 2;

    private Resampler() {
    }

    /** {@code source} (8-bit BGR or grey) reduced to {@code width} x {@code height}, neither larger than it. */
    static BufferedImage reduce(BufferedImage source, int width, int height) {
        return reduce(source, width, height, PixelArrays.FRESH);
    }

    /** The same, the result's pixels from {@code arrays}. */
    static BufferedImage reduce(BufferedImage source, int width, int height, PixelArrays arrays) {
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
        }, source.getWidth(), source.getHeight(), source.getType(), bands, width, height, arrays);
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
     * {@code bands} samples per pixel) reduced to {@code width} x {@code height}.
     */
    static BufferedImage reduce(Rows source, int sourceWidth, int sourceHeight, int type, int bands,
                                int width, int height, PixelArrays arrays) {
        Taps down = new Taps(sourceHeight, height, 1);
        Taps across = new Taps(sourceWidth, width, bands);
        BufferedImage target = arrays.image(width, height, type);
        Rasters.Bytes to = Rasters.bytes(target);
        byte[] result = to.data();
        // one output row at a time, both passes, through a one-row buffer that stays in cache
        byte[] line = new byte[sourceWidth * bands];
        int pieces = source.pieces();
        for (int y = 0; y < height; y++) {
            // down: the row as a weighted sum of up to three source rows, piece by piece
            int ya = down.first[y];
            int yb = down.second[y];
            int yc = down.third[y];
            for (int piece = 0; piece < pieces; piece++) {
                int start = source.start(piece) * bands;
                sumRows(source.data(piece, ya), source.offset(piece, ya), down.firstWeight[y],
                        source.data(piece, yb), source.offset(piece, yb), down.secondWeight[y],
                        source.data(piece, yc), source.offset(piece, yc), down.thirdWeight[y],
                        line, start, source.end(piece) * bands - start);
            }
            // across: the row reduced to the output width
            sumAcross(line, across, bands, result, to.offset() + y * to.stride(), width);
        }
        return target;
    }

    /*
     * The two passes are small methods of their own, on arrays only: the JIT compiles each
     * early and well (the down pass vectorised), whatever the loop around them does.
     */

    /** {@code length} bytes of {@code line} from {@code start}: the weighted sum of three rows. */
    private static void sumRows(byte[] da, int a, int wa, byte[] db, int b, int wb, byte[] dc, int c, int wc,
                                byte[] line, int start, int length) {
        for (int i = 0; i < length; i++) {
            line[start + i] = (byte) (((da[a + i] & 0xFF) * wa + (db[b + i] & 0xFF) * wb
                    + (dc[c + i] & 0xFF) * wc + HALF) >>> 16);
        }
    }

    /** One output row of {@code width} pixels from a summed source row. */
    private static void sumAcross(byte[] line, Taps across, int bands, byte[] result, int out, int width) {
        int[] first = across.first;
        int[] second = across.second;
        int[] third = across.third;
        int[] firstWeight = across.firstWeight;
        int[] secondWeight = across.secondWeight;
        int[] thirdWeight = across.thirdWeight;
        for (int x = 0; x < width; x++) {
            int p = first[x];
            int q = second[x];
            int r = third[x];
            int wp = firstWeight[x];
            int wq = secondWeight[x];
            int wr = thirdWeight[x];
            result[out] = (byte) (((line[p] & 0xFF) * wp + (line[q] & 0xFF) * wq + (line[r] & 0xFF) * wr
                    + HALF) >>> 16);
            if (bands == 3) {
                result[out + 1] = (byte) (((line[p + 1] & 0xFF) * wp + (line[q + 1] & 0xFF) * wq
                        + (line[r + 1] & 0xFF) * wr + HALF) >>> 16);
                result[out + 2] = (byte) (((line[p + 2] & 0xFF) * wp + (line[q + 2] & 0xFF) * wq
                        + (line[r + 2] & 0xFF) * wr + HALF) >>> 16);
            }
            out += bands;
        }
    }

    /**
     * For each output position, the three source positions it covers (as offsets: index times
     * {@code step}) and their weights in 16.16, summing to one; unused taps repeat the last
     * position with weight 0. Factors of 2 and more need more taps: they are reduced in steps.
     */
    private static final class Taps {
        final int[] first;
        final int[] second;
        final int[] third;
        final int[] firstWeight;
        final int[] secondWeight;
        final int[] thirdWeight;

        Taps(int sourceLength, int targetLength, int step) {
            double scale = (double) sourceLength / targetLength;
            if (scale >= 2) {
                throw new IllegalArgumentException("Reduce by less than half at a time, not " + sourceLength + " to "
                        + targetLength);
            }
            first = new int[targetLength];
            second = new int[targetLength];
            third = new int[targetLength];
            firstWeight = new int[targetLength];
            secondWeight = new int[targetLength];
            thirdWeight = new int[targetLength];
            for (int i = 0; i < targetLength; i++) {
                double start = i * scale;
                double end = Math.min(sourceLength, (i + 1) * scale);
                int s = (int) Math.floor(start);
                int[] weights = new int[3];
                int total = 0;
                for (int k = 0; k < 3 && s + k < end; k++) {
                    double covered = Math.min(end, s + k + 1) - Math.max(start, s + k);
                    weights[k] = (int) Math.round(covered / (end - start) * ONE);
                    total += weights[k];
                }
                weights[0] += ONE - total; // rounding leftovers, so that the weights sum to one exactly
                int last = sourceLength - 1;
                first[i] = Math.min(s, last) * step;
                second[i] = Math.min(s + 1, last) * step;
                third[i] = Math.min(s + 2, last) * step;
                firstWeight[i] = weights[0];
                secondWeight[i] = weights[1];
                thirdWeight[i] = weights[2];
            }
        }
    }
}
