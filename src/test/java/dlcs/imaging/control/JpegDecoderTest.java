package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Decoding through libjpeg-turbo (those tests are skipped where the system lacks it) and
 * through the ImageIO fallback, which is tested everywhere, libjpeg-turbo or not.
 */
class JpegDecoderTest {

    private static final BufferedImage SOURCE = TestImages.grid(200, 120);
    private static final byte[] COLOUR = TestImages.encode(SOURCE, "jpg");
    private static final byte[] GREY = TestImages.encode(Rasters.grey(SOURCE), "jpg");

    private final JpegDecoder imageIo = new JpegDecoder(null);

    private static JpegDecoder turbo() {
        assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        return new JpegDecoder(TurboJpeg.get());
    }

    @Test
    void libjpegTurboDecodesColourToBgrAndGreyToGrey() throws IOException {
        assertDecodesColourAndGrey(turbo());
    }

    @Test
    void imageIoDecodesColourToBgrAndGreyToGrey() throws IOException {
        assertDecodesColourAndGrey(imageIo);
    }

    private static void assertDecodesColourAndGrey(JpegDecoder decoder) throws IOException {
        BufferedImage colour = decoder.decode(COLOUR);
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, colour.getType());
        assertTrue(TestImages.meanDifference(SOURCE, colour) < 3);
        BufferedImage grey = decoder.decode(GREY);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, grey.getType());
        assertTrue(TestImages.meanDifference(Rasters.grey(SOURCE), grey) < 3);
    }

    @Test
    void bothDecodersGiveTheSamePixels() throws IOException {
        assertTrue(TestImages.meanDifference(turbo().decode(COLOUR), imageIo.decode(COLOUR)) < 0.5);
    }

    @Test
    void damageIsAnErrorNotAHalfGreyImageWithLibjpegTurbo() {
        JpegDecoder decoder = turbo();
        byte[] truncated = Arrays.copyOf(COLOUR, COLOUR.length / 2);
        assertThrows(IOException.class, () -> decoder.decode(truncated));
        assertThrows(IOException.class, () -> decoder.decode(new byte[] {1, 2, 3}));
    }

    @Test
    void aStreamThatIsNotJpegIsAnErrorWithImageIo() {
        assertThrows(IOException.class, () -> imageIo.decode(new byte[] {1, 2, 3}));
    }

    @Test
    void aFailedDecodeLeavesTheDecoderWorking() throws IOException {
        for (JpegDecoder decoder : TurboJpeg.get() == null ? new JpegDecoder[] {imageIo}
                : new JpegDecoder[] {imageIo, turbo()}) {
            for (int i = 0; i < 3; i++) {
                assertThrows(IOException.class, () -> decoder.decode(new byte[] {1, 2, 3}));
                assertEquals(200, decoder.decode(COLOUR).getWidth());
            }
        }
    }

    @Test
    void libjpegTurboDecodesToPlanesAtHalfSizeChroma() throws IOException {
        JpegDecoder decoder = turbo();
        assertTrue(decoder.decodesPlanes());
        Planes colour = decoder.decodePlanes(COLOUR);
        assertEquals(200 * 120, colour.luma().length);
        assertEquals(100 * 60, colour.blue().length);
        assertEquals(100 * 60, colour.red().length);
        assertTrue(decoder.decodePlanes(GREY).grey());
    }

    @Test
    void imageIoGivesNoPlanes() throws IOException {
        assertFalse(imageIo.decodesPlanes());
        assertNull(imageIo.decodePlanes(COLOUR));
    }
}
