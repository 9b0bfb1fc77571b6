package dlcs.imaging.control;

import java.awt.image.BufferedImage;

/**
 * Reduction by area averaging, in two separable passes over the bytes: each output pixel is the
 * mean of the source area it covers, partial pixels at its borders weighted by how much of them
 * it covers. For factors below 2 (larger ones are halved first) an output pixel covers at most
 * three source pixels, so each pass is a fixed three-tap sum, and both passes run one output
 * row at a time through a one-row buffer: as sharp as bicubic filtering and several times faster
 * than Java2D's.
 */
final class Resampler {

    private static final int ONE = 1 << 16;
    private static final int HALF = ONE / 2;

    private Resampler() {
    }

    /** {@code source} (8-bit BGR or grey) reduced to {@code width} x {@code height}, neither larger than it. */
    static BufferedImage reduce(BufferedImage source, int width, int height) {
        int bands = source.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
        Rasters.Bytes from = Rasters.bytes(source);
        byte[] data = from.data();
        int sourceWidth = source.getWidth();
        int sourceHeight = source.getHeight();
        int sourceRow = sourceWidth * bands;
        Taps down = new Taps(sourceHeight, height, from.stride());
        Taps across = new Taps(sourceWidth, width, bands);
        int[] first = across.first;
        int[] second = across.second;
        int[] third = across.third;
        int[] firstWeight = across.firstWeight;
        int[] secondWeight = across.secondWeight;
        int[] thirdWeight = across.thirdWeight;
        BufferedImage target = new BufferedImage(width, height, source.getType());
        Rasters.Bytes to = Rasters.bytes(target);
        byte[] result = to.data();
        // one output row at a time, both passes, through a one-row buffer that stays in cache
        byte[] line = new byte[sourceRow];
        for (int y = 0; y < height; y++) {
            // down: the row as a weighted sum of up to three source rows (a loop the JIT vectorises)
            int a = from.offset() + down.first[y];
            int b = from.offset() + down.second[y];
            int c = from.offset() + down.third[y];
            int wa = down.firstWeight[y];
            int wb = down.secondWeight[y];
            int wc = down.thirdWeight[y];
            for (int i = 0; i < sourceRow; i++) {
                line[i] = (byte) (((data[a + i] & 0xFF) * wa + (data[b + i] & 0xFF) * wb
                        + (data[c + i] & 0xFF) * wc + HALF) >>> 16);
            }
            // across: the row reduced to the output width
            int out = to.offset() + y * to.stride();
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
        return target;
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
