package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.Limits;
import dlcs.imaging.TestImages;
import dlcs.imaging.entity.Dimensions;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What anonymous callers may have of a 1000x800 image: all of it without roles; with roles and
 * maxUnauthorised 200 the whole image up to 200 pixels a side; with roles and 0 or -1 nothing.
 */
class AnonymousAccessTest {

    private static final Limits SERVICE = new Limits(65_500, 16_000_000);
    private static final List<Dimensions> THUMBNAILS = List.of(new Dimensions(400, 320), new Dimensions(200, 160),
            new Dimensions(100, 80));

    @TempDir
    Path dir;

    private ServedImage open;

    @BeforeEach
    void serve() throws IOException {
        ServedImage stored = TestRenderers.serve(TestImages.grid(1000, 800), dir, "grid");
        open = new ServedImage(stored.customer(), stored.space(), stored.imageId(), stored.stored(),
                stored.pyramid(), THUMBNAILS, stored.modified(), stored.version(), Restriction.OPEN);
    }

    private ServedImage restricted(int maxUnauthorised) {
        return TestRenderers.restricted(open, new Restriction(true, maxUnauthorised));
    }

    private static Dimension size(ServedImage image, String region, String size) {
        return AnonymousAccess.resolve(image, ImageRequest.parse(region, size, "0", "default.jpg"), SERVICE).size();
    }

    @Test
    void anImageWithoutRolesIsOpenWhateverItsMaxUnauthorised() {
        for (ServedImage image : List.of(open, TestRenderers.restricted(open, new Restriction(false, 0)))) {
            assertEquals(new Dimension(1000, 800), size(image, "full", "max"));
            assertEquals(new Dimension(256, 256), size(image, "0,0,256,256", "max"));
            assertEquals(SERVICE, AnonymousAccess.limits(image, SERVICE));
            assertEquals(THUMBNAILS, AnonymousAccess.thumbnails(image));
        }
    }

    @Test
    void withRolesAndMaxUnauthorisedTheWholeImageUpToThatSizeIsServed() {
        ServedImage image = restricted(200);
        assertEquals(new Dimension(200, 160), size(image, "full", "max"), "max keeps to the limit");
        assertEquals(new Dimension(200, 160), size(image, "full", "^max"));
        assertEquals(new Dimension(200, 160), size(image, "full", "!200,200"));
        assertEquals(new Dimension(100, 80), size(image, "full", "pct:10"));
        assertEquals(new Dimension(200, 160), size(image, "0,0,1000,800", "200,"), "the whole image, as x,y,w,h");
        assertEquals(new Dimension(200, 160), size(image, "pct:0,0,100,100", "200,"));
        assertEquals(new Dimension(200, 160), AnonymousAccess.resolve(image,
                ImageRequest.parse(ApiVersion.V2, "full", "full", "0", "default.jpg"), SERVICE).size(),
                "2.1's full is held to the limit too");
        assertEquals(SERVICE.withMaxSide(200), AnonymousAccess.limits(image, SERVICE));
        assertEquals(THUMBNAILS.subList(1, 3), AnonymousAccess.thumbnails(image));
    }

    @ParameterizedTest
    @ValueSource(strings = {"full/201,", "full/,161", "full/pct:21", "full/1000,800", "square/max", "0,0,256,256/max",
        "0,0,256,256/10,", "pct:0,0,50,50/max"})
    void moreOfARestrictedImageIs401(String regionAndSize) {
        String[] parts = regionAndSize.split("/");
        RestrictedImageException refused = assertThrows(RestrictedImageException.class,
                () -> size(restricted(200), parts[0], parts[1]));
        assertEquals(401, refused.status());
        assertTrue(refused.getMessage().contains("200 pixels"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -5})
    void withRolesAndNoPositiveMaxUnauthorisedNothingIsServed(int maxUnauthorised) {
        ServedImage image = restricted(maxUnauthorised);
        assertThrows(RestrictedImageException.class, () -> AnonymousAccess.requireSome(image));
        assertThrows(RestrictedImageException.class, () -> AnonymousAccess.limits(image, SERVICE));
        assertThrows(RestrictedImageException.class, () -> size(image, "full", "1,"));
        assertThrows(RestrictedImageException.class, () -> size(image, "full", "max"));
        assertThrows(RestrictedImageException.class, () -> AnonymousAccess.thumbnails(image));
    }

    @Test
    void aRestrictedImageWhoseThumbnailsAreAllLargerOffersNone() {
        assertThrows(RestrictedImageException.class, () -> AnonymousAccess.thumbnails(restricted(99)));
        assertEquals(List.of(new Dimensions(100, 80)), AnonymousAccess.thumbnails(restricted(100)));
    }

    @Test
    void restrictionsAreToldApartInTheirTags() {
        assertEquals("", Restriction.OPEN.tag());
        assertEquals("", new Restriction(false, 200).tag());
        assertEquals("-r200", new Restriction(true, 200).tag());
        assertEquals("-r0", new Restriction(true, -1).tag());
    }
}
