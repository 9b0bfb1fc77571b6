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

    private static final Limits AREA = new Limits(65_500, 10_000_000);

    private static Dimension resolve(String size, int w, int h) {
        return Size.parse(size).resolve(w, h, AREA);
    }

    @Test
    void maxIsTheRegionUnlessMaxAreaLimitsIt() {
        assertEquals(new Dimension(300, 200), resolve("max", 300, 200));
        assertEquals(new Dimension(100, 50), Size.parse("max").resolve(200, 100, new Limits(65_500, 5000)));
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
        assertEquals(new Dimension(100, 50), Size.parse("^max").resolve(200, 100, new Limits(65_500, 5000)));
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
    @ValueSource(strings = {"^pct:268435456", "^pct:999999999.999999999999", "^999999999,", "^,999999999",
        "^999999999,999999999", "^!999999999,999999999", "^65501,1", "^1,65501"})
    void sidesOverTheLargestSideAre400WhateverTheirProduct(String segment) {
        // 2^32 a side squared is 2^64, 0 as a long: checked side by side before any product
        InvalidIiifRequestException refused = assertThrows(InvalidIiifRequestException.class,
                () -> Size.parse(segment).resolve(1600, 1600, AREA));
        assertTrue(refused.getMessage().contains("65500"), refused.getMessage());
    }

    @Test
    void extremeSizesSayWhatTheyWouldMake() {
        InvalidIiifRequestException refused = assertThrows(InvalidIiifRequestException.class,
                () -> Size.parse("^pct:268435456").resolve(1600, 1600, AREA));
        assertEquals("The size 4294967296x4294967296 has a side over 65500 pixels, the most this service makes"
                + " (maxWidth, maxHeight); ask for max or a smaller size.", refused.getMessage());
    }

    @Test
    void maxKeepsToTheLargestSideAndToOnePixelAtLeast() {
        Limits side = new Limits(1000, 10_000_000);
        assertEquals(new Dimension(1000, 1), Size.parse("max").resolve(5000, 2, side), "a sliver keeps a pixel");
        assertEquals(new Dimension(1000, 500), Size.parse("^max").resolve(300, 150, side));
        assertEquals(new Dimension(500, 1000), Size.parse("max").resolve(1000, 2000, side));
    }

    @Test
    void theLimitsThemselvesArePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1, 0));
        assertEquals(new Limits(200, 5), new Limits(1000, 5).withMaxSide(200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",", "0,", ",0", "pct:0", "pct:", "-1,", "a,", "1,2,3", "!100,", "!,100", "full ", "^", "Max"})
    void malformedSizesAre400(String segment) {
        assertThrows(InvalidIiifRequestException.class, () -> Size.parse(segment));
    }
}
