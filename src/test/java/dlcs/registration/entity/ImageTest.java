package dlcs.registration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.entity.DerivativeBytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTest {

    private final Space space = spaceWithDefaults();

    private static ImageMetadata originOnly(String origin) {
        return new ImageMetadata(origin, null, null, null, null, null, null, null, null, null, null);
    }

    private static Space spaceWithDefaults() {
        Space space = new Space(2, 1, "books");
        space.setDefaults(List.of("default-tag"), List.of("reader"), 400);
        return space;
    }

    @Test
    void registrationTakesTheSpaceDefaultsForWhatIsNotGiven() {
        Image image = new Image(2, 1, "a");
        image.register(originOnly("https://x/a.jpg"), space);
        assertEquals("2/1/a", image.key());
        assertEquals(List.of("default-tag"), image.tags());
        assertEquals(List.of("reader"), image.roles());
        assertEquals(400, image.maxUnauthorised());
        assertEquals(0, image.number1());
        assertEquals("default", image.thumbnailPolicy());
        assertFalse(image.isServable());
    }

    @Test
    void registrationReplacesEverythingAndAmendChangesOnlyWhatIsGiven() {
        Image image = new Image(2, 1, "a");
        image.register(new ImageMetadata("o", "s1", "s2", null, 1L, 2L, null, List.of("t"), List.of(), -1, null), space);
        image.amend(new ImageMetadata(null, "new", null, null, null, 9L, null, null, null, null, null));
        assertEquals("o", image.origin());
        assertEquals("new", image.string1());
        assertEquals("s2", image.string2());
        assertEquals(1, image.number1());
        assertEquals(9, image.number2());
        assertEquals(List.of("t"), image.tags());

        image.register(originOnly("p"), space);
        assertNull(image.string1());
        assertEquals(0, image.number2());
    }

    @Test
    void finishingAnIngestSwitchesTheServingVersion() {
        Image image = new Image(2, 1, "a");
        assertNull(image.finishIngest(100, 50, "image/png", "v1", new DerivativeBytes(1000, 100)));
        assertTrue(image.isServable());
        assertEquals("v1", image.finishIngest(200, 100, "image/jpeg", "v2", new DerivativeBytes(3000, 300)));
        assertEquals(Optional.of(new DerivativeBytes(3000, 300)), image.storedBytes());
        assertEquals(200, image.width());
        assertEquals("v2", image.storageVersion());
        assertFalse(image.ingesting());
        assertNull(image.error());
    }

    @Test
    void anImageCountsInUsageOnlyOnceItsDerivativeSizesAreKnown() {
        Image image = new Image(2, 1, "a");
        assertTrue(image.storedBytes().isEmpty());
        assertThrows(IllegalStateException.class, () -> image.measured(new DerivativeBytes(1, 1)),
                "an image without a derivative has nothing to measure");
        image.finishIngest(100, 50, "image/png", "v1", new DerivativeBytes(1000, 100));
        assertThrows(IllegalStateException.class, () -> image.measured(new DerivativeBytes(1, 1)),
                "sizes recorded at ingest are not measured again");
    }
}
