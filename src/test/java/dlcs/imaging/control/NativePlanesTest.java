package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Planes in native memory: halved as {@link Rasters#halve} halves pixels, sample for sample; tiles copied out. */
class NativePlanesTest {

    @Test
    void eachPlaneIsHalvedAsPixelsAreOddSidesIncluded() {
        int[][] sizes = {{37, 23}, {64, 64}, {1, 1}, {17, 2}, {300, 5}};
        for (int[] size : sizes) {
            int width = size[0];
            int height = size[1];
            byte[] luma = random(width * height, 1);
            try (NativePlanes planes = NativePlanes.allocate(width, height, true)) {
                planes.planes()[0].write(0, luma, 0, luma.length);
                try (NativePlanes half = planes.halve()) {
                    byte[] halved = half.planes()[0].getByteArray(0, half.width() * half.height());
                    assertArrayEquals(pixels(Rasters.halve(grey(luma, width, height))), halved, width + "x" + height);
                }
            }
        }
    }

    @Test
    void chromaIsHalvedToTheChromaOfTheHalvedImage() {
        try (NativePlanes planes = NativePlanes.allocate(75, 41, false)) {
            byte[] blue = random(planes.chromaWidth() * planes.chromaHeight(), 2);
            Pointer[] pointers = planes.planes();
            pointers[1].write(0, blue, 0, blue.length);
            try (NativePlanes half = planes.halve()) {
                byte[] halved = half.planes()[1].getByteArray(0, half.chromaWidth() * half.chromaHeight());
                assertArrayEquals(pixels(Rasters.halve(grey(blue, planes.chromaWidth(), planes.chromaHeight()))), halved);
            }
        }
    }

    @Test
    void chromaStoredAcrossOrDownAloneIsReducedByTheMeanOfTwo() {
        int width = 37;
        int height = 9;
        byte[] plane = random(width * height, 3);
        for (boolean across : new boolean[] {true, false}) {
            int outWidth = across ? (width + 1) / 2 : width;
            int outHeight = across ? height : (height + 1) / 2;
            byte[] expected = new byte[outWidth * outHeight];
            for (int y = 0; y < outHeight; y++) {
                for (int x = 0; x < outWidth; x++) {
                    int a = across ? y * width + 2 * x : 2 * y * width + x;
                    int b = across ? y * width + Math.min(2 * x + 1, width - 1) : Math.min(2 * y + 1, height - 1) * width + x;
                    expected[y * outWidth + x] = (byte) ((plane[a] & 0xFF) + (plane[b] & 0xFF) + 1 >> 1);
                }
            }
            try (Memory from = new Memory(plane.length); Memory to = new Memory(expected.length)) {
                from.write(0, plane, 0, plane.length);
                NativePlanes.shrink(from, width, height, to, across, !across);
                assertArrayEquals(expected, to.getByteArray(0, expected.length), across ? "across" : "down");
            }
        }
    }

    @Test
    void aTileIsCopiedWholeOrPaddedWithItsLastColumnAndRow() {
        int width = 300;
        int height = 270;
        try (NativePlanes planes = NativePlanes.allocate(width, height, false);
             NativePlanes tile = NativePlanes.allocate(256, 256, false)) {
            Pointer[] pointers = planes.planes();
            byte[] luma = random(width * height, 4);
            byte[] blue = random(planes.chromaWidth() * planes.chromaHeight(), 5);
            pointers[0].write(0, luma, 0, luma.length);
            pointers[1].write(0, blue, 0, blue.length);
            for (int[] at : new int[][] {{0, 0}, {256, 0}, {0, 256}, {256, 256}}) {
                planes.copyTile(at[0], at[1], tile);
                byte[] copied = tile.planes()[0].getByteArray(0, 256 * 256);
                byte[] copiedBlue = tile.planes()[1].getByteArray(0, 128 * 128);
                for (int y = 0; y < 256; y++) {
                    for (int x = 0; x < 256; x++) {
                        int sx = Math.min(at[0] + x, width - 1);
                        int sy = Math.min(at[1] + y, height - 1);
                        if (copied[y * 256 + x] != luma[sy * width + sx]) {
                            throw new AssertionError("luma at " + x + "," + y + " of the tile at " + at[0] + "," + at[1]);
                        }
                    }
                }
                for (int y = 0; y < 128; y++) {
                    for (int x = 0; x < 128; x++) {
                        int sx = Math.min(at[0] / 2 + x, planes.chromaWidth() - 1);
                        int sy = Math.min(at[1] / 2 + y, planes.chromaHeight() - 1);
                        if (copiedBlue[y * 128 + x] != blue[sy * planes.chromaWidth() + sx]) {
                            throw new AssertionError("blue at " + x + "," + y + " of the tile at " + at[0] + "," + at[1]);
                        }
                    }
                }
            }
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static BufferedImage grey(byte[] samples, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(samples, 0, pixels(image), 0, samples.length);
        return image;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
