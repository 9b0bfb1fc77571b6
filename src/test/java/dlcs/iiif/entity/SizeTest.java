package dlcs.iiif.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image API 3.0, section 4.2: size. */
class SizeTest {

    private static final long AREA = 10_000_000;

    private static Dimension resolve(String size, int w, int h) {
        return Size.parse(size).resolve(w, h, AREA);
    }

    @Test
    void maxIsTheRegionUnlessMaxAreaLimitsIt() {
        assertEquals(new Dimension(300, 200), resolve("max", 300, 200));
        assertEquals(new Dimension(100, 50), Size.parse("max").resolve(200, 100, 5000));
    }

    @Test
    void widthOrHeightKeepTheAspectRatio() {
        assertEquals(new Dimension(150, 100), resolve("150,", 300, 200));
        assertEquals(new Dimension(75, 50), resolve(",50", 300, 200));
    }

    @Test
    void percentExactAndConfined() {
        assertEquals(new Dimension(150, 100), resolve("pct:50", 300, 200));
        assertEquals(new Dimension(100, 100), resolve("100,100", 300, 200));
        assertEquals(new Dimension(100, 67), resolve("!100,100", 300, 200));
        assertEquals(new Dimension(300, 200), resolve("!300,1000", 300, 200), "a box as wide as the region");
    }

    @Test
    void upscalingNeedsTheCaret() {
        assertThrows(InvalidIiifRequestException.class, () -> resolve("600,", 300, 200));
        assertThrows(InvalidIiifRequestException.class, () -> resolve("300,300", 300, 200));
        assertThrows(InvalidIiifRequestException.class, () -> Size.parse("pct:150"));
        // the best fit in 1000x1000 is 1000x667: larger than the region, so an error without ^
        InvalidIiifRequestException fit = assertThrows(InvalidIiifRequestException.class,
                () -> resolve("!1000,1000", 300, 200));
        assertTrue(fit.getMessage().contains("^!1000,1000"), fit.getMessage());
        assertEquals(new Dimension(1000, 667), resolve("^!1000,1000", 300, 200));
        assertEquals(new Dimension(600, 400), resolve("^600,", 300, 200));
        assertEquals(new Dimension(450, 300), resolve("^pct:150", 300, 200));
        assertEquals(new Dimension(600, 400), resolve("^!600,600", 300, 200));
    }

    @Test
    void caretMaxScalesUpToMaxArea() {
        assertEquals(new Dimension(300, 200), resolve("max", 300, 200));
        assertEquals(new Dimension(3872, 2581), resolve("^max", 300, 200), "as large as maxArea allows");
        assertEquals(new Dimension(100, 50), Size.parse("^max").resolve(200, 100, 5000));
    }

    @Test
    void resultsOfZeroPixelsAre400() {
        assertThrows(InvalidIiifRequestException.class, () -> resolve("1,", 300, 2));
        assertThrows(InvalidIiifRequestException.class, () -> resolve("pct:0.1", 300, 200));
    }

    @Test
    void version2HasFullAndUpscalesWithoutACaret() {
        assertEquals(new Dimension(300, 200), Size.parse("full", ApiVersion.V2).resolve(300, 200, AREA));
        assertEquals(new Dimension(600, 400), Size.parse("600,", ApiVersion.V2).resolve(300, 200, AREA));
        assertEquals(new Dimension(450, 300), Size.parse("pct:150", ApiVersion.V2).resolve(300, 200, AREA));
        assertThrows(InvalidIiifRequestException.class, () -> Size.parse("^600,", ApiVersion.V2));
        assertThrows(InvalidIiifRequestException.class, () -> Size.parse("full", ApiVersion.V3));
    }

    @Test
    void sizesOverMaxAreaAre400() {
        assertThrows(InvalidIiifRequestException.class, () -> Size.parse("^5000,5000").resolve(300, 200, AREA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",", "0,", ",0", "pct:0", "pct:", "-1,", "a,", "1,2,3", "!100,", "!,100", "full ", "^", "Max"})
    void malformedSizesAre400(String segment) {
        assertThrows(InvalidIiifRequestException.class, () -> Size.parse(segment));
    }
}
