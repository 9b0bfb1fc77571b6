package dlcs.imaging.control;

import java.awt.image.BufferedImage;

/**
 * Reduction by area averaging, in two separable passes over the bytes: each output pixel is the
 * mean of the source area it covers, partial pixels at its borders weighted by how much of them
 * it covers. Meant for factors between 1 and 2 (larger ones are halved first), where it is as
 * sharp as bicubic filtering and several times faster than Java2D's.
 */
final class Resampler {

    private static final int ONE = 1 << 16;

    private Resampler() {
    }

    /** {@code source} (8-bit BGR or grey) reduced to {@code width} x {@code height}, neither larger than it. */
    static BufferedImage reduce(BufferedImage source, int width, int height) {
        int bands = source.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
        Rasters.Bytes from = Rasters.bytes(source);
        int sourceHeight = source.getHeight();
        int rowLength = width * bands;
        // across: every source row reduced to the output width
        Weights across = new Weights(source.getWidth(), width);
        byte[] rows = new byte[rowLength * sourceHeight];
        byte[] data = from.data();
        for (int y = 0; y < sourceHeight; y++) {
            int in = from.offset() + y * from.stride();
            int out = y * rowLength;
            for (int x = 0; x < width; x++) {
                int at = in + across.first[x] * bands;
                int base = x * across.span;
                int n = across.count[x];
                if (bands == 3) {
                    int b0 = 0;
                    int b1 = 0;
                    int b2 = 0;
                    for (int k = 0; k < n; k++, at += 3) {
                        int w = across.weights[base + k];
                        b0 += (data[at] & 0xFF) * w;
                        b1 += (data[at + 1] & 0xFF) * w;
                        b2 += (data[at + 2] & 0xFF) * w;
                    }
                    rows[out++] = clamp(b0);
                    rows[out++] = clamp(b1);
                    rows[out++] = clamp(b2);
                } else {
                    int sum = 0;
                    for (int k = 0; k < n; k++, at++) {
                        sum += (data[at] & 0xFF) * across.weights[base + k];
                    }
                    rows[out++] = clamp(sum);
                }
            }
        }
        // down: output rows as weighted sums of whole reduced rows
        Weights down = new Weights(sourceHeight, height);
        BufferedImage target = new BufferedImage(width, height, source.getType());
        Rasters.Bytes to = Rasters.bytes(target);
        int[] sums = new int[rowLength];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(sums, 0);
            int base = y * down.span;
            for (int k = 0; k < down.count[y]; k++) {
                int row = (down.first[y] + k) * rowLength;
                int weight = down.weights[base + k];
                for (int i = 0; i < rowLength; i++) {
                    sums[i] += (rows[row + i] & 0xFF) * weight;
                }
            }
            int out = to.offset() + y * to.stride();
            for (int i = 0; i < rowLength; i++) {
                to.data()[out + i] = clamp(sums[i]);
            }
        }
        return target;
    }

    private static byte clamp(int sum) {
        return (byte) Math.min(255, (sum + ONE / 2) >> 16);
    }

    /** For each output position, the source positions it covers and their weights (summing to 1 in 16.16). */
    private static final class Weights {
        final int[] first;
        final int[] count;
        final int[] weights;
        final int span;

        Weights(int sourceLength, int targetLength) {
            double scale = (double) sourceLength / targetLength;
            span = (int) Math.ceil(scale) + 1;
            first = new int[targetLength];
            count = new int[targetLength];
            weights = new int[targetLength * span];
            for (int i = 0; i < targetLength; i++) {
                double start = i * scale;
                double end = Math.min(sourceLength, (i + 1) * scale);
                int s = (int) Math.floor(start);
                int e = Math.min(sourceLength, (int) Math.ceil(end));
                first[i] = s;
                count[i] = e - s;
                int total = 0;
                for (int k = 0; k < e - s; k++) {
                    double covered = Math.min(end, s + k + 1) - Math.max(start, s + k);
                    int w = (int) Math.round(covered / (end - start) * ONE);
                    weights[i * span + k] = w;
                    total += w;
                }
                weights[i * span] += ONE - total; // rounding leftovers, so that the weights sum to one exactly
            }
        }
    }
}
