package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Any grey source reduced by a factor of 2 or less, of any size (rows in fours and the last
 * fewer, columns in eights and the rest): every output sample is the exact mean of the area it
 * covers to within {@value #LEVELS} levels, and the source in pieces gives the same bytes.
 */
class ResamplerPropertiesTest {

    /** Each pass's weights are in 256ths and its result rounded to a byte: one level each, at most. */
    private static final double LEVELS = 2;

    @Property(tries = 400)
    void everySampleIsTheMeanOfItsArea(@ForAll @IntRange(min = 1, max = 90) int width,
                                       @ForAll @IntRange(min = 1, max = 40) int height,
                                       @ForAll @IntRange(min = 0, max = 1000) int widthShare,
                                       @ForAll @IntRange(min = 0, max = 1000) int heightShare,
                                       @ForAll long seed) {
        int sourceWidth = width + (int) ((long) (width - 1) * widthShare / 1000);
        int sourceHeight = height + (int) ((long) (height - 1) * heightShare / 1000);
        BufferedImage source = noise(sourceWidth, sourceHeight, new Random(seed));
        BufferedImage reduced = Resampler.reduce(source, width, height, PixelArrays.FRESH, Deadline.NONE);
        double[][] exact = exactMeans(source, width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sample = reduced.getRaster().getSample(x, y, 0);
                assertTrue(Math.abs(sample - exact[y][x]) <= LEVELS, sourceWidth + "x" + sourceHeight + " to " + width
                        + "x" + height + ", (" + x + ", " + y + "): " + sample + " for " + exact[y][x]);
            }
        }
    }

    @Property(tries = 200)
    void aSourceInPiecesGivesTheSameBytes(@ForAll @IntRange(min = 1, max = 70) int width,
                                         @ForAll @IntRange(min = 1, max = 30) int height,
                                         @ForAll @IntRange(min = 1, max = 40) int pieceWidth,
                                         @ForAll long seed) {
        int sourceWidth = width + width / 2;
        int sourceHeight = height + height / 3;
        BufferedImage source = noise(sourceWidth, sourceHeight, new Random(seed));
        byte[] whole = Rasters.bytes(Resampler.reduce(source, width, height, PixelArrays.FRESH, Deadline.NONE)).data();
        Rasters.Bytes from = Rasters.bytes(source);
        Resampler.Rows pieces = new Resampler.Rows() {
            @Override
            public int pieces() {
                return (sourceWidth + pieceWidth - 1) / pieceWidth;
            }

            @Override
            public int end(int piece) {
                return Math.min(sourceWidth, (piece + 1) * pieceWidth);
            }

            @Override
            public byte[] data(int piece, int y) {
                // each piece's row in an array of its own, at an odd place in it
                byte[] row = new byte[pieceWidth + 5];
                System.arraycopy(from.data(), from.offset() + y * from.stride() + start(piece), row, 3,
                        end(piece) - start(piece));
                return row;
            }

            @Override
            public int offset(int piece, int y) {
                return 3;
            }
        };
        byte[] inPieces = Rasters.bytes(Resampler.reduce(pieces, sourceWidth, sourceHeight,
                BufferedImage.TYPE_BYTE_GRAY, 1, width, height, PixelArrays.FRESH, Deadline.NONE)).data();
        assertArrayEquals(whole, inPieces);
    }

    private static BufferedImage noise(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = Rasters.bytes(image).data();
        // extremes often, so that the sums reach the lanes' limits
        for (int i = 0; i < data.length; i++) {
            int pick = random.nextInt(4);
            data[i] = (byte) (pick == 0 ? 0 : pick == 1 ? 255 : random.nextInt(256));
        }
        return image;
    }

    /** Each output pixel's area mean, in doubles: the source's pixels weighted by how much of each it covers. */
    private static double[][] exactMeans(BufferedImage source, int width, int height) {
        double[][] across = weights(source.getWidth(), width);
        double[][] down = weights(source.getHeight(), height);
        double[][] means = new double[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int sy = 0; sy < source.getHeight(); sy++) {
                    if (down[y][sy] == 0) {
                        continue;
                    }
                    for (int sx = 0; sx < source.getWidth(); sx++) {
                        sum += down[y][sy] * across[x][sx] * source.getRaster().getSample(sx, sy, 0);
                    }
                }
                means[y][x] = sum;
            }
        }
        return means;
    }

    /** For each output position the share of each source position in it. */
    private static double[][] weights(int sourceLength, int length) {
        double scale = (double) sourceLength / length;
        double[][] weights = new double[length][sourceLength];
        for (int i = 0; i < length; i++) {
            double start = i * scale;
            double end = (i + 1) * scale;
            for (int k = 0; k < sourceLength; k++) {
                double covered = Math.min(end, k + 1) - Math.max(start, k);
                weights[i][k] = Math.max(0, covered) / scale;
            }
        }
        return weights;
    }
}
