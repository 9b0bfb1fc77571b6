package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The pyramid's tiles, through libjpeg-turbo (skipped where the system lacks it) and through
 * the ImageIO writer it falls back to, which is tested everywhere.
 */
class JpegTilesTest {

    private final BufferedImage image = TestImages.grid(600, 356);
    /** The first band of the image: whole tiles, then one the right edge cuts. */
    private final BufferedImage top = image.getSubimage(0, 0, 600, 256);
    /** The last band, 100 rows high: its tiles are cut by the bottom edge, its third by both. */
    private final BufferedImage band = image.getSubimage(0, 256, 600, 100);

    private static BufferedImage decoded(ByteBuffer jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg.array(), jpeg.position(), jpeg.remaining()));
    }

    @Test
    void libjpegTurboTilesAreTheBandCutUpAndPaddedAtTheEdges() throws IOException {
        assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        assertTiles(TurboJpeg.get());
    }

    @Test
    void imageIoTilesAreTheBandCutUpAndPaddedAtTheEdges() throws IOException {
        assertTiles(null);
    }

    private void assertTiles(TurboJpeg codec) throws IOException {
        try (JpegTiles tiles = new JpegTiles(256, 0.9f, codec)) {
            BufferedImage whole = decoded(tiles.encode(top, 256));
            assertEquals(256, whole.getWidth());
            assertTrue(TestImages.meanDifference(top.getSubimage(256, 0, 256, 256), whole) < 3);
            BufferedImage second = decoded(tiles.encode(band, 256));
            assertEquals(256, second.getWidth());
            assertEquals(256, second.getHeight(), "padded to a whole tile");
            assertTrue(TestImages.meanDifference(band.getSubimage(256, 0, 256, 100), second) < 3);
            BufferedImage padding = second.getSubimage(0, 100, 256, 156);
            BufferedImage lastRow = band.getSubimage(256, 99, 256, 1);
            for (int y = 0; y < padding.getHeight(); y += 31) {
                assertTrue(TestImages.meanDifference(lastRow, padding.getSubimage(0, y, 256, 1)) < 6,
                        "the last row repeated, row " + y);
            }
            BufferedImage corner = decoded(tiles.encode(band, 512));
            assertEquals(256, corner.getWidth());
            BufferedImage lastColumn = band.getSubimage(599, 0, 1, 100);
            assertTrue(TestImages.meanDifference(lastColumn, corner.getSubimage(200, 0, 1, 100)) < 6,
                    "the last column repeated");
            BufferedImage asIs = decoded(tiles.encodeAsIs(band, 512));
            assertEquals(88, asIs.getWidth());
            assertEquals(100, asIs.getHeight());
            assertTrue(TestImages.meanDifference(band.getSubimage(512, 0, 88, 100), asIs) < 3);
        }
    }
}
