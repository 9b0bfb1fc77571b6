package dlcs.iiif.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image API 3.0 section 4.3: rotation, with ! for mirroring. */
class RotationTest {

    @Test
    void degreesFromZeroToThreeHundredSixty() {
        assertTrue(Rotation.parse("0").isNone());
        assertTrue(Rotation.parse("360").isNone(), "360 is a whole turn");
        assertEquals(90, Rotation.parse("90").degrees());
        assertEquals(22.5, Rotation.parse("22.5").degrees());
        assertEquals(0.5, Rotation.parse(".5").degrees());
        assertTrue(Rotation.parse("270").isRightAngle());
        assertFalse(Rotation.parse("45").isRightAngle());
    }

    @Test
    void aTurnedImageTakesItsBoundingBox() {
        assertEquals(new Dimension(1000, 800), Rotation.parse("!0").turned(new Dimension(1000, 800)));
        assertEquals(new Dimension(800, 1000), Rotation.parse("90").turned(new Dimension(1000, 800)));
        assertEquals(new Dimension(1273, 1273), Rotation.parse("45").turned(new Dimension(1000, 800)));
        assertEquals(new Dimension(1, 1), Rotation.parse("180").turned(new Dimension(1, 1)));
    }

    @Test
    void anExclamationMarkMirrorsFirst() {
        Rotation mirrored = Rotation.parse("!180");
        assertTrue(mirrored.mirror());
        assertEquals(180, mirrored.degrees());
        assertFalse(Rotation.parse("!0").isNone());
    }

    @Test
    void theCanonicalFormDropsTrailingZeros() {
        assertEquals("0", Rotation.parse("0.000").canonical());
        assertEquals("90", Rotation.parse("90.0").canonical());
        assertEquals("!22.5", Rotation.parse("!22.50").canonical());
        assertEquals("0", Rotation.parse("360").canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-90", "361", "360.5", "!", "!!90", "90!", "1e2", "+90", "ninety", " 90", "90 ", "9,0"})
    void anythingElseIs400(String segment) {
        assertThrows(InvalidIiifRequestException.class, () -> Rotation.parse(segment));
    }
}
