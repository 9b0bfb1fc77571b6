package dlcs.iiif.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dlcs.iiif.control.Restriction;
import dlcs.iiif.control.TestDerivatives;
import dlcs.iiif.control.ServedImage;
import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.Limits;
import dlcs.imaging.TestImages;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.control.TestPyramids;
import dlcs.imaging.entity.Dimensions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both info.json versions field by field (Image API 3.0 section 5, 2.1 section 5), for a
 * 1000x800 colour image stored as a pyramid of 256 px tiles with two thumbnails.
 */
class InfoDocumentsTest {

    private static final String ID = "https://dlcs.example/iiif-img/2/1/page";
    private static final Limits LIMITS = new Limits(4000, 600_000);

    @TempDir
    static Path dir;

    private static ServedImage image;

    @BeforeAll
    static void store() throws IOException {
        TestPyramids.write(TestImages.grid(1000, 800), DerivativeFiles.pyramid(TestDerivatives.directory(dir, "page")));
        image = new ServedImage(2, 1, "page", TestDerivatives.open(dir, "page"),
                PyramidIndex.read(DerivativeFiles.pyramid(TestDerivatives.directory(dir, "page"))),
                List.of(new Dimensions(400, 320), new Dimensions(200, 160)), Instant.EPOCH, "v1", Restriction.OPEN);
    }

    static Stream<Arguments> imageService() {
        return Stream.of(
                row("V3", "/@context", "\"http://iiif.io/api/image/3/context.json\""),
                row("V3", "/id", "\"" + ID + "\""),
                row("V3", "/type", "\"ImageService3\""),
                row("V3", "/protocol", "\"http://iiif.io/api/image\""),
                row("V3", "/profile", "\"level2\""),
                row("V3", "/width", "1000"),
                row("V3", "/height", "800"),
                row("V3", "/maxWidth", "4000"),
                row("V3", "/maxHeight", "4000"),
                row("V3", "/maxArea", "600000"),
                row("V3", "/sizes", "[{\"width\":250,\"height\":200},{\"width\":500,\"height\":400}]"),
                row("V3", "/tiles", "[{\"width\":256,\"height\":256,\"scaleFactors\":[1,2,4]}]"),
                row("V3", "/extraQualities", "[\"color\",\"gray\",\"bitonal\"]"),
                row("V3", "/extraFormats", "[\"gif\",\"tif\"]"),
                row("V3", "/extraFeatures", "[\"canonicalLinkHeader\",\"mirroring\",\"profileLinkHeader\","
                        + "\"rotationArbitrary\",\"sizeUpscaling\"]"),
                row("V2", "/@context", "\"http://iiif.io/api/image/2/context.json\""),
                row("V2", "/@id", "\"" + ID + "\""),
                row("V2", "/protocol", "\"http://iiif.io/api/image\""),
                row("V2", "/width", "1000"),
                row("V2", "/height", "800"),
                row("V2", "/sizes", "[{\"width\":250,\"height\":200},{\"width\":500,\"height\":400}]"),
                row("V2", "/tiles", "[{\"width\":256,\"height\":256,\"scaleFactors\":[1,2,4]}]"),
                row("V2", "/profile/0", "\"http://iiif.io/api/image/2/level2.json\""),
                row("V2", "/profile/1/formats", "[\"gif\",\"tif\"]"),
                row("V2", "/profile/1/qualities", "[\"color\",\"gray\",\"bitonal\"]"),
                row("V2", "/profile/1/supports", "[\"canonicalLinkHeader\",\"mirroring\",\"profileLinkHeader\","
                        + "\"rotationArbitrary\",\"regionSquare\",\"sizeAboveFull\"]"),
                row("V2", "/profile/1/maxWidth", "4000"),
                row("V2", "/profile/1/maxHeight", "4000"),
                row("V2", "/profile/1/maxArea", "600000"));
    }

    static Stream<Arguments> thumbnailService() {
        return Stream.of(
                row("V3", "/@context", "\"http://iiif.io/api/image/3/context.json\""),
                row("V3", "/id", "\"" + ID + "\""),
                row("V3", "/type", "\"ImageService3\""),
                row("V3", "/profile", "\"level0\""),
                row("V3", "/width", "1000"),
                row("V3", "/height", "800"),
                row("V3", "/maxWidth", "400"),
                row("V3", "/maxHeight", "320"),
                row("V3", "/sizes", "[{\"width\":200,\"height\":160},{\"width\":400,\"height\":320}]"),
                row("V2", "/@context", "\"http://iiif.io/api/image/2/context.json\""),
                row("V2", "/@id", "\"" + ID + "\""),
                row("V2", "/profile/0", "\"http://iiif.io/api/image/2/level0.json\""),
                row("V2", "/profile/1/formats", "[\"jpg\"]"),
                row("V2", "/profile/1/qualities", "[\"default\"]"),
                row("V2", "/profile/1/maxWidth", "400"),
                row("V2", "/profile/1/maxHeight", "320"),
                row("V2", "/width", "1000"),
                row("V2", "/sizes", "[{\"width\":200,\"height\":160},{\"width\":400,\"height\":320}]"));
    }

    private static Arguments row(String version, String pointer, String json) {
        return Arguments.of(ApiVersion.valueOf(version), pointer, json);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("imageService")
    void theImageServiceDescribesTheStoredPyramid(ApiVersion version, String pointer, String expected) {
        assertField(InfoDocuments.imageService(image, ID, version, LIMITS), pointer, expected);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("thumbnailService")
    void theThumbnailServiceDescribesTheStoredThumbnails(ApiVersion version, String pointer, String expected) {
        assertField(InfoDocuments.thumbnailService(image, image.thumbnails(), ID, version), pointer, expected);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aRestrictedImageDeclaresItsLimitAndTheLargestSizeWithin(ApiVersion version) {
        // roles and maxUnauthorised 200: the stored levels (1000, 500, 250 wide) are all larger
        JsonObject document = InfoDocuments.imageService(withRestriction(new Restriction(true, 200)), ID, version,
                LIMITS.withMaxSide(200));
        String declared = version == ApiVersion.V3 ? "" : "/profile/1";
        assertField(document, declared + "/maxWidth", "200");
        assertField(document, declared + "/maxHeight", "200");
        assertField(document, declared + "/maxArea", "600000");
        assertField(document, "/sizes", "[{\"width\":200,\"height\":160}]");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aRestrictedImageListsNoTilesAndTheLevelsWithinItsLimit(ApiVersion version) {
        JsonObject document = InfoDocuments.imageService(withRestriction(new Restriction(true, 500)), ID, version,
                LIMITS.withMaxSide(500));
        assertFalse(document.containsKey("tiles"), "only the full region is served: " + document);
        assertField(document, "/sizes", "[{\"width\":250,\"height\":200},{\"width\":500,\"height\":400}]");
    }

    private static ServedImage withRestriction(Restriction restriction) {
        return new ServedImage(image.customer(), image.space(), image.imageId(), image.stored(), image.pyramid(),
                image.thumbnails(), image.modified(), image.version(), restriction);
    }

    private static void assertField(JsonObject document, String pointer, String expected) {
        assertEquals(expected, Json.createPointer(pointer).getValue(document).toString(), document.toString());
    }
}
