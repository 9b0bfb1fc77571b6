package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Planes in native memory: halved as {@link Rasters#halve} halves pixels, sample for sample. */
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
