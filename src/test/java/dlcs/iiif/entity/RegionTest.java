package dlcs.iiif.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image API 3.0, section 4.1: region. */
class RegionTest {

    @Test
    void fullIsTheWholeImage() {
        assertEquals(new Rectangle(0, 0, 300, 200), Region.parse("full").resolve(300, 200));
    }

    @Test
    void squareIsCentredOnTheLongerSide() {
        assertEquals(new Rectangle(50, 0, 200, 200), Region.parse("square").resolve(300, 200));
        assertEquals(new Rectangle(0, 50, 200, 200), Region.parse("square").resolve(200, 300));
    }

    @Test
    void pixelRegionsAreCroppedAtTheEdges() {
        assertEquals(new Rectangle(10, 20, 30, 40), Region.parse("10,20,30,40").resolve(300, 200));
        assertEquals(new Rectangle(250, 150, 50, 50), Region.parse("250,150,100,100").resolve(300, 200));
    }

    @Test
    void percentRegionsScaleWithTheImage() {
        assertEquals(new Rectangle(30, 20, 150, 100), Region.parse("pct:10,10,50,50").resolve(300, 200));
        assertEquals(new Rectangle(0, 0, 300, 200), Region.parse("pct:0,0,100,100").resolve(300, 200));
        assertEquals(new Rectangle(15, 0, 30, 200), Region.parse("pct:5.0,0,10,100").resolve(300, 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0,0,0,10", "0,0,10,0", "1,2,3", "1,2,3,4,5", "-1,0,10,10", "a,b,c,d", "pct:0,0,0,10",
            "pct:-1,0,10,10", "1.5,0,10,10", "Full", "pct:", "0,0,1e3,10"})
    void malformedRegionsAre400(String segment) {
        assertThrows(InvalidIiifRequestException.class, () -> Region.parse(segment));
    }

    @Test
    void hugePercentagesAreCutAtTheImageWithoutOverflow() {
        // 999999999% of a 300 px image is 2999999997 px, more than an int holds
        assertEquals(new Rectangle(0, 0, 300, 200), Region.parse("pct:0,0,999999999,999999999").resolve(300, 200));
        assertEquals(new Rectangle(299, 199, 1, 1),
                Region.parse("pct:99.5,99.5,999999999.999999999999,1").resolve(300, 200));
        assertThrows(InvalidIiifRequestException.class,
                () -> Region.parse("pct:999999999,0,1,1").resolve(300, 200));
        assertEquals(new Rectangle(299, 0, 1, 200), Region.parse("299,0,999999999,999999999").resolve(300, 200));
    }

    @Test
    void regionsEntirelyOutsideTheImageAre400() {
        assertThrows(InvalidIiifRequestException.class, () -> Region.parse("300,0,10,10").resolve(300, 200));
        assertThrows(InvalidIiifRequestException.class, () -> Region.parse("0,200,10,10").resolve(300, 200));
        assertThrows(InvalidIiifRequestException.class, () -> Region.parse("pct:100,0,10,10").resolve(300, 200));
    }
}
