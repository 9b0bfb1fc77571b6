package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Halving and scaling 8-bit rasters. */
class RastersTest {

    @Test
    void halvingAveragesTwoByTwoBlocks() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, 100);
        image.getRaster().setSample(1, 0, 0, 200);
        image.getRaster().setSample(2, 0, 0, 50);
        BufferedImage half = Rasters.halve(image);
        assertEquals(2, half.getWidth());
        assertEquals(150, half.getRaster().getSample(0, 0, 0));
        assertEquals(50, half.getRaster().getSample(1, 0, 0));
    }

    @Test
    void aReductionByHalfOrMoreOnOneSideOnlyGoesInStepsToTheExactSize() {
        // ten times narrower, but only a third lower: the resampler reduces by less than half at a time
        BufferedImage grid = TestImages.grid(1000, 90);
        BufferedImage scaled = Rasters.scale(grid, 100, 60);
        assertEquals(100, scaled.getWidth());
        assertEquals(60, scaled.getHeight());
        BufferedImage averaged = new BufferedImage(100, 60, grid.getType());
        averaged.createGraphics().drawImage(grid.getScaledInstance(100, 60, java.awt.Image.SCALE_AREA_AVERAGING),
                0, 0, null);
        assertTrue(TestImages.meanDifference(averaged, scaled) < 6);
    }
}
