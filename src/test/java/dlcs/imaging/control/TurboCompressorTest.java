package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * libjpeg-turbo's encoder, when the system has it (these tests are skipped where it has not: run
 * them with libturbojpeg0 installed, as CI does): what it writes, ImageIO reads.
 */
class TurboCompressorTest {

    private static TurboCompressor compressor() throws IOException {
        assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        return TurboJpeg.get().compressor();
    }

    @Test
    void whatItEncodesImageIoDecodesAsTheSource() throws IOException {
        BufferedImage source = TestImages.grid(300, 200);
        try (TurboCompressor compressor = compressor()) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(compressor.encode(source, 0.9f)));
            assertEquals(300, decoded.getWidth());
            assertTrue(TestImages.meanDifference(source, decoded) < 3);
        }
    }

    @Test
    void aViewOfABandEncodesAsThatPartOnly() throws IOException {
        BufferedImage source = TestImages.grid(600, 300);
        try (TurboCompressor compressor = compressor()) {
            compressor.load(source.getSubimage(0, 100, 600, 100));
            BufferedImage part = ImageIO.read(new ByteArrayInputStream(compressor.encode(200, 150, 100, 0.9f)));
            assertTrue(TestImages.meanDifference(source.getSubimage(200, 100, 150, 100), part) < 3);
            BufferedImage other = TestImages.grid(50, 40);
            BufferedImage first = ImageIO.read(new ByteArrayInputStream(compressor.encode(other, 0.9f)));
            other.getGraphics().fillRect(0, 0, 50, 40);
            BufferedImage second = ImageIO.read(new ByteArrayInputStream(compressor.encode(other, 0.9f)));
            assertTrue(TestImages.meanDifference(first, second) > 10, "an image changed since is copied again");
        }
    }

    @Test
    void planesLargerThanTheLastAreEncodedIntoTheBufferGrownForThem() throws IOException {
        try (TurboCompressor compressor = compressor()) {
            for (int side : new int[] {16, 1024, 16, 2048}) {
                Planes planes = new Planes(side, side, new byte[side * side], new byte[side * side / 4],
                        new byte[side * side / 4]);
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(compressor.encode(planes, 0.9f)));
                assertEquals(side, decoded.getWidth(), "each encoded from its own planes, read from its own buffer");
            }
        }
    }
}
