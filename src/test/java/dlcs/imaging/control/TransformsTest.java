package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Mirroring and rotation move pixels where the Image API says they go. */
class TransformsTest {

    /** 3x2, every pixel a different colour: 0 1 2 / 3 4 5. */
    private static BufferedImage numbered() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < 6; i++) {
            image.setRGB(i % 3, i / 3, i * 40);
        }
        return image;
    }

    private static int at(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFF) / 40;
    }

    @Test
    void mirroringFlipsLeftToRight() {
        BufferedImage m = Transforms.mirror(numbered(), Deadline.NONE);
        assertEquals(2, at(m, 0, 0));
        assertEquals(0, at(m, 2, 0));
        assertEquals(5, at(m, 0, 1));
    }

    @Test
    void quarterTurnsAreClockwise() {
        BufferedImage r90 = Transforms.rotate(numbered(), 90, false, Deadline.NONE);
        assertEquals(2, r90.getWidth());
        assertEquals(3, r90.getHeight());
        assertEquals(3, at(r90, 0, 0), "the bottom-left corner comes to the top left");
        assertEquals(0, at(r90, 1, 0));
        BufferedImage r180 = Transforms.rotate(numbered(), 180, false, Deadline.NONE);
        assertEquals(5, at(r180, 0, 0));
        BufferedImage r270 = Transforms.rotate(numbered(), 270, false, Deadline.NONE);
        assertEquals(2, at(r270, 0, 0), "the top-right corner comes to the top left");
    }

    @Test
    void otherAnglesFillTheBoundingBox() {
        BufferedImage wide = new BufferedImage(200, 100, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage turned = Transforms.rotate(wide, 45, true, Deadline.NONE);
        assertEquals(212, turned.getWidth());
        assertEquals(212, turned.getHeight());
        assertEquals(0, turned.getRGB(0, 0) >>> 24, "corners are transparent when the format has alpha");
        BufferedImage opaque = Transforms.rotate(wide, 45, false, Deadline.NONE);
        assertEquals(0xFFFFFF, opaque.getRGB(0, 0) & 0xFFFFFF, "and white when it has not");
    }
}
