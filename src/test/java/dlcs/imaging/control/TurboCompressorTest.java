package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * libjpeg-turbo, when the system has it (these tests are skipped where it has not: run them with
 * libturbojpeg0 installed, as CI does): what it writes, ImageIO reads, and the reverse.
 */
class TurboJpegTest {

    private static TurboJpeg turbo() {
        assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        return TurboJpeg.get();
    }

    @Test
    void whatItEncodesImageIoDecodesAsTheSource() throws IOException {
        BufferedImage source = TestImages.grid(300, 200);
        byte[] jpeg = turbo().encode(source, 0.9f);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(300, decoded.getWidth());
        assertTrue(TestImages.meanDifference(source, decoded) < 3);
    }

    @Test
    void aViewOfABandEncodesAsThatPartOnly() throws IOException {
        BufferedImage source = TestImages.grid(600, 300);
        try (TurboJpeg.Compressor compressor = turbo().compressor()) {
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
    void itDecodesWhatImageIoEncodesGreyIncluded() throws IOException {
        BufferedImage source = TestImages.grid(200, 120);
        BufferedImage decoded = turbo().decode(TestImages.encode(source, "jpg"));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, decoded.getType());
        assertTrue(TestImages.meanDifference(source, decoded) < 3);
        BufferedImage grey = Rasters.grey(source);
        BufferedImage greyDecoded = turbo().decode(TestImages.encode(grey, "jpg"));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, greyDecoded.getType());
    }

    @Test
    void damageIsAnErrorNotAHalfGreyImage() {
        byte[] jpeg = TestImages.encode(TestImages.grid(400, 300), "jpg");
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThrows(IOException.class, () -> turbo().decode(truncated));
        assertThrows(IOException.class, () -> turbo().decode(new byte[] {1, 2, 3}));
    }
}
