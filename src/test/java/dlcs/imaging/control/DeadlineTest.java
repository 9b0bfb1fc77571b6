package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pixel work stops at its deadline, between tiles, bands and rows; and a target size that is
 * not positive is refused at once, never looped on.
 */
class DeadlineTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Path pyramid;
    private PyramidIndex index;

    @BeforeEach
    void writePyramid() throws IOException {
        pyramid = dir.resolve("image.tif");
        TestPyramids.write(TestImages.grid(1000, 800), pyramid);
        index = PyramidIndex.read(pyramid);
    }

    /** A deadline that passes at its {@code checks}th look, and counts the looks. */
    private static final class AfterChecks implements Deadline {
        private final int checks;
        private final AtomicInteger looked = new AtomicInteger();

        AfterChecks(int checks) {
            this.checks = checks;
        }

        @Override
        public boolean passed() {
            return looked.incrementAndGet() >= checks;
        }
    }

    @Test
    void aRenderStopsBetweenTilesOnceItsDeadlinePasses() {
        // the whole image at full size covers 16 tiles: the third look stops it, the rest are not decoded
        AfterChecks deadline = new AfterChecks(3);
        assertThrows(DeadlinePassedException.class, () -> PyramidReader.render(PyramidBytes.of(pyramid), index,
                new Rectangle(0, 0, 1000, 800), 1000, 800, new TileCache(0), PixelArrays.FRESH, deadline));
        assertEquals(3, deadline.looked.get(), "it stopped at the first look that found the time up");
    }

    @Test
    void aReductionStopsBetweenBands() {
        AfterChecks deadline = new AfterChecks(2);
        assertThrows(DeadlinePassedException.class,
                () -> Resampler.reduce(TestImages.grid(1000, 800), 700, 600, PixelArrays.FRESH, deadline));
        assertEquals(2, deadline.looked.get());
    }

    @Test
    void turnsMirrorsAndQualitiesStopBetweenRows() {
        BufferedImage image = TestImages.grid(300, 200);
        assertThrows(DeadlinePassedException.class, () -> Transforms.mirror(image, new AfterChecks(5)));
        assertThrows(DeadlinePassedException.class, () -> Transforms.rotate(image, 90, false, new AfterChecks(5)));
        assertThrows(DeadlinePassedException.class, () -> Rasters.bitonal(image, new AfterChecks(5)));
        assertThrows(DeadlinePassedException.class, () -> Rasters.scale(image, 30, 20, PixelArrays.FRESH,
                new AfterChecks(1)));
    }

    @Test
    void anImageIoWriterIsAbortedBetweenRows() {
        AfterChecks deadline = new AfterChecks(10);
        assertThrows(DeadlinePassedException.class, () -> ImageEncoders.write(TestImages.grid(300, 200), "png",
                new ByteArrayOutputStream(), 0.85f, deadline));
        assertTrue(deadline.looked.get() < 200, "it did not write all 200 rows: " + deadline.looked.get());
    }

    @Test
    void aDeadlineAfterATimeHasNotPassedAtOnceButPassesThen() throws InterruptedException {
        Deadline soon = Deadline.after(Duration.ofMillis(50));
        assertEquals(false, soon.passed());
        Thread.sleep(100);
        assertTrue(soon.passed());
        assertThrows(DeadlinePassedException.class, soon::check);
        assertEquals(false, Deadline.NONE.passed());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"0,0", "0,10", "10,0", "-1,10", "10,-2147483648"})
    void targetsThatAreNotPositiveAreRefusedAtOnce(int width, int height) {
        BufferedImage image = TestImages.grid(4, 4);
        assertTimeoutPreemptively(AT_ONCE, () -> {
            assertThrows(IllegalArgumentException.class, () -> Rasters.scale(image, width, height));
            assertThrows(IllegalArgumentException.class,
                    () -> Resampler.reduce(image, width, height, PixelArrays.FRESH, Deadline.NONE));
            assertThrows(IllegalArgumentException.class, () -> TestPyramids.render(pyramid, index,
                    new Rectangle(0, 0, 1000, 800), width, height));
            assertThrows(IllegalArgumentException.class, () -> PyramidReader.renderPlanes(PyramidBytes.of(pyramid), index,
                    new Rectangle(0, 0, 1000, 800), width, height, new TileCache(0), PixelArrays.FRESH,
                    Deadline.NONE));
            assertThrows(IllegalArgumentException.class, () -> PyramidReader.coveredPixels(index,
                    new Rectangle(0, 0, 1000, 800), width, height));
        });
    }
}
