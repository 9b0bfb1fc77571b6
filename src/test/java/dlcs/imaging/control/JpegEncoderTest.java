package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** JPEG out of pixels, through the codec the system has. */
class JpegEncoderTest {

    private static BufferedImage written(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JpegEncoder.write(image, out, 0.9f);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void whatItWritesImageIoDecodesAsTheSource() throws IOException {
        BufferedImage source = TestImages.grid(300, 200);
        BufferedImage decoded = written(source);
        assertEquals(300, decoded.getWidth());
        assertTrue(TestImages.meanDifference(source, decoded) < 3);
    }

    @Test
    void transparencyIsFlattenedOntoWhite() throws IOException {
        BufferedImage transparent = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        assertEquals(0xFFFFFF, written(transparent).getRGB(20, 15) & 0xFFFFFF);
    }
}
