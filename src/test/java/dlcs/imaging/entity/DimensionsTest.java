package dlcs.imaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DimensionsTest {

    @Test
    void fittingWithinABoxKeepsTheAspectRatioAndNeverUpscales() {
        assertEquals(new Dimensions(1024, 683), new Dimensions(3000, 2000).fitWithin(1024, 1024));
        assertEquals(new Dimensions(67, 100), new Dimensions(200, 300).fitWithin(100, 100));
        assertEquals(new Dimensions(300, 200), new Dimensions(300, 200).fitWithin(400, 400));
        assertEquals(new Dimensions(1, 100), new Dimensions(10, 10000).fitWithin(100, 100));
    }
}
