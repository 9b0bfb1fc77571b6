package dlcs.iiif.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Image API 3.0 sections 4.4 to 4.7 (quality, format, order, canonical form), and 2.1 where it differs. */
class ImageRequestTest {

    private static final Limits AREA = new Limits(65_500, 10_000_000);

    @Test
    void theCanonicalRequestParses() {
        ImageRequest request = ImageRequest.parse("full", "max", "0", "default.jpg");
        assertEquals(Quality.DEFAULT, request.quality());
        assertEquals(Format.JPG, request.format());
        assertEquals("image/jpeg", request.format().mediaType());
        assertEquals("image/png", ImageRequest.parse("full", "max", "360", "gray.png").format().mediaType());
    }

    @Test
    void everyQualityParses() {
        for (String quality : new String[] {"default", "color", "gray", "bitonal"}) {
            assertEquals(quality, ImageRequest.parse("full", "max", "0", quality + ".jpg").quality().segment());
        }
    }

    @Test
    void syntaxErrorsAre400() {
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "-90", "default.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "361", "default.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "x", "default.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "default"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "default."));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", ".jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "sepia.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "Default.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "default.bmp"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "default.JPG"));
    }

    @Test
    void formatsTheSpecNamesButThisServerCannotWriteAre501() {
        for (String format : new String[] {"webp", "jp2", "pdf"}) {
            assertThrows(UnsupportedIiifRequestException.class,
                    () -> ImageRequest.parse("full", "max", "0", "default." + format));
        }
        assertEquals(Format.GIF, ImageRequest.parse("full", "max", "0", "default.gif").format());
        assertEquals(Format.TIF, ImageRequest.parse("full", "max", "0", "default.tif").format());
    }

    @Test
    void resolvingAppliesRegionThenSize() {
        ImageRequest.Resolved resolved = ImageRequest.parse("100,100,200,100", "pct:50", "!90", "gray.png")
                .resolve(1000, 800, AREA);
        assertEquals(new Rectangle(100, 100, 200, 100), resolved.region());
        assertEquals(new Dimension(100, 50), resolved.size());
        assertEquals(90, resolved.rotation().degrees());
        assertEquals(true, resolved.rotation().mirror());
    }

    @Test
    void theResponseMustFitInMaxAreaTurnedAsWellAsSized() {
        // 1000x800 fits in a million pixels; turned by 45 degrees its bounding box is 1273x1273
        Limits million = new Limits(65_500, 1_000_000);
        InvalidIiifRequestException turned = assertThrows(InvalidIiifRequestException.class,
                () -> ImageRequest.parse("full", "max", "!45", "default.png").resolve(1000, 800, million));
        assertEquals("Turned by 45 degrees, the 1000x800 image becomes 1273x1273, over the maxArea of 1000000"
                + " pixels; ask for a smaller size.", turned.getMessage());
        assertEquals(new Dimension(1000, 800),
                ImageRequest.parse("full", "max", "90", "default.jpg").resolve(1000, 800, million).size(),
                "a quarter turn keeps the area");
        assertEquals(new Dimension(1000, 800),
                ImageRequest.parse("full", "max", "45", "default.jpg").resolve(1000, 800, AREA).size());
    }

    @Test
    void theResponseMustFitInTheLargestSideTurnedAsWellAsSized() {
        // 1000x10 is within a side of 1000; turned by 45 degrees its bounding box is 714x714, by 90 10x1000
        Limits side = new Limits(1000, 10_000_000);
        assertEquals(new Dimension(1000, 10),
                ImageRequest.parse("full", "max", "90", "default.jpg").resolve(1000, 10, side).size());
        InvalidIiifRequestException turned = assertThrows(InvalidIiifRequestException.class,
                () -> ImageRequest.parse("full", "^1300,", "10", "default.jpg").resolve(1000, 10, side));
        assertTrue(turned.getMessage().contains("over 1000 pixels"), turned.getMessage());
    }

    @Test
    void theReportedOverflowingRequestsAre400() {
        // a 1600 px square: 1600 * 2684354.56 = 2^32 a side, which as an int was 0 and spun for ever
        InvalidIiifRequestException square = assertThrows(InvalidIiifRequestException.class,
                () -> ImageRequest.parse("square", "^pct:268435456", "0", "default.jpg").resolve(1600, 2000, AREA));
        assertTrue(square.getMessage().contains("4294967296x4294967296"), square.getMessage());
        // 300x430 at 9988300.688...: sides whose product, as a long, wrapped below maxArea: a 500
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("0,0,300,430",
                "^pct:998830068.837209", "0", "default.jpg").resolve(1600, 1600, AREA));
    }

    @ParameterizedTest(name = "3.0: {0}/{1}/{2}/{3} -> {4}")
    @CsvSource(delimiter = ' ', value = {
            "full max 0 default.jpg full/max/0/default.jpg",
            "full 1000, 0 default.jpg full/max/0/default.jpg",
            "pct:0,0,100,100 500,400 360 color.png full/500,400/0/color.png",
            "square 400, 90.50 gray.jpg 100,0,800,800/400,400/90.5/gray.jpg",
            "0,0,2000,2000 ,400 !0 default.jpg full/500,400/!0/default.jpg",
            "0,0,256,256 256, 0 default.jpg 0,0,256,256/max/0/default.jpg",
            "0,0,512,512 256,256 0 default.jpg 0,0,512,512/256,256/0/default.jpg"})
    void canonicalFormsOfVersion3(String region, String size, String rotation, String last, String canonical) {
        assertEquals(canonical, ImageRequest.parse(ApiVersion.V3, region, size, rotation, last)
                .resolve(1000, 800, AREA).canonical());
    }

    @ParameterizedTest(name = "2.1: {0}/{1}/{2}/{3} -> {4}")
    @CsvSource(delimiter = ' ', value = {
            "full full 0 default.jpg full/full/0/default.jpg",
            "full max 0 default.jpg full/full/0/default.jpg",
            "full 500, 0 default.jpg full/500,/0/default.jpg",
            "full 500,500 0 default.jpg full/500,500/0/default.jpg",
            "full !500,500 0 native.jpg -",
            "0,0,512,512 256, 0 default.jpg 0,0,512,512/256,/0/default.jpg"})
    void canonicalFormsOfVersion2(String region, String size, String rotation, String last, String canonical) {
        if (canonical.equals("-")) {
            assertThrows(InvalidIiifRequestException.class,
                    () -> ImageRequest.parse(ApiVersion.V2, region, size, rotation, last));
            return;
        }
        assertEquals(canonical, ImageRequest.parse(ApiVersion.V2, region, size, rotation, last)
                .resolve(1000, 800, AREA).canonical());
    }
}
