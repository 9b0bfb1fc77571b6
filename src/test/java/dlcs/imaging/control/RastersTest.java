package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        // ten times narrower, but only a third lower: the resampler reduces by half at most at a time
        BufferedImage grid = TestImages.grid(1000, 90);
        BufferedImage scaled = Rasters.scale(grid, 100, 60);
        assertEquals(100, scaled.getWidth());
        assertEquals(60, scaled.getHeight());
        BufferedImage averaged = new BufferedImage(100, 60, grid.getType());
        averaged.createGraphics().drawImage(grid.getScaledInstance(100, 60, java.awt.Image.SCALE_AREA_AVERAGING),
                0, 0, null);
        assertTrue(TestImages.meanDifference(averaged, scaled) < 6);
    }

    @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
    @CsvSource({"1600,3,408,1", "1600,2,408,1", "2,1600,1,408", "5,2,4,1", "3,3,1,2", "2,2,1,1"})
    void aSideOfTwoOrThreeReducedToOneEndsAtTheExactSize(int width, int height, int toWidth, int toHeight) {
        // a step to more than half took a side of 2 to 2 again, for ever
        BufferedImage scaled = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Rasters.scale(TestImages.grid(width, height), toWidth, toHeight));
        assertEquals(toWidth, scaled.getWidth());
        assertEquals(toHeight, scaled.getHeight());
    }

    @Test
    void halfIsTheMostTheResamplerTakesInOneStep() {
        BufferedImage flat = TestImages.grid(8, 2);
        assertEquals(1, Resampler.reduce(flat, 4, 1, PixelArrays.FRESH, Deadline.NONE).getHeight());
        assertThrows(IllegalArgumentException.class,
                () -> Resampler.reduce(flat, 3, 1, PixelArrays.FRESH, Deadline.NONE));
    }
}
