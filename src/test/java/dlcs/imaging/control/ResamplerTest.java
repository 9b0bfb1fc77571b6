package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Area-averaging reduction by less than half. */
class ResamplerTest {

    @Test
    void aFlatImageStaysExactlyFlat() {
        BufferedImage flat = new BufferedImage(301, 203, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 203; y++) {
            for (int x = 0; x < 301; x++) {
                flat.setRGB(x, y, 0x4080C0);
            }
        }
        BufferedImage reduced = Resampler.reduce(flat, 200, 150, PixelArrays.FRESH, Deadline.NONE);
        assertEquals(200, reduced.getWidth());
        assertEquals(150, reduced.getHeight());
        for (int y = 0; y < 150; y += 7) {
            for (int x = 0; x < 200; x += 7) {
                assertEquals(0x4080C0, reduced.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void eachOutputPixelIsTheMeanOfTheAreaItCovers() {
        BufferedImage stripes = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = {0, 100, 200, 40};
        for (int x = 0; x < 4; x++) {
            stripes.getRaster().setSample(x, 0, 0, values[x]);
        }
        BufferedImage three = Resampler.reduce(stripes, 3, 1, PixelArrays.FRESH, Deadline.NONE);
        // thirds of 4 pixels: [0, 1.33), [1.33, 2.67), [2.67, 4)
        assertEquals(Math.round((0 + 100 / 3.0) * 3 / 4), three.getRaster().getSample(0, 0, 0));
        assertEquals(Math.round((100 * 2 / 3.0 + 200 * 2 / 3.0) * 3 / 4), three.getRaster().getSample(1, 0, 0));
        assertEquals(Math.round((200 / 3.0 + 40) * 3 / 4), three.getRaster().getSample(2, 0, 0));
    }

    @Test
    void downwardsEachOutputRowIsTheMeanOfTheRowsItCoversToOneLevelInEveryColumn() {
        // 37 columns: the down pass's eight-byte steps and its byte-by-byte tail must agree
        int width = 37;
        BufferedImage stripes = new BufferedImage(width, 4, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = {0, 100, 255, 41};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < width; x++) {
                stripes.getRaster().setSample(x, y, 0, values[y]);
            }
        }
        BufferedImage three = Resampler.reduce(stripes, width, 3, PixelArrays.FRESH, Deadline.NONE);
        double[] means = {(0 + 100 / 3.0) * 3 / 4, (100 * 2 / 3.0 + 255 * 2 / 3.0) * 3 / 4, (255 / 3.0 + 41) * 3 / 4};
        for (int y = 0; y < 3; y++) {
            int first = three.getRaster().getSample(0, y, 0);
            assertTrue(Math.abs(first - means[y]) <= 1, "row " + y + ": " + first + " for " + means[y]);
            for (int x = 1; x < width; x++) {
                assertEquals(first, three.getRaster().getSample(x, y, 0), "column " + x + " of row " + y);
            }
        }
    }

    @Test
    void itAgreesWithBicubicFilteringAndReadsViewsOfBands() {
        BufferedImage grid = TestImages.grid(400, 300);
        BufferedImage bicubic = new BufferedImage(300, 225, grid.getType());
        java.awt.Graphics2D g = bicubic.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(grid, 0, 0, 300, 225, null);
        g.dispose();
        assertTrue(TestImages.meanDifference(bicubic,
                Resampler.reduce(grid, 300, 225, PixelArrays.FRESH, Deadline.NONE)) < 6);
        BufferedImage view = grid.getSubimage(0, 100, 400, 100);
        BufferedImage copy = new BufferedImage(400, 100, grid.getType());
        copy.getGraphics().drawImage(view, 0, 0, null);
        assertEquals(0, TestImages.meanDifference(Resampler.reduce(copy, 250, 60, PixelArrays.FRESH, Deadline.NONE),
                Resampler.reduce(view, 250, 60, PixelArrays.FRESH, Deadline.NONE)));
    }
}
