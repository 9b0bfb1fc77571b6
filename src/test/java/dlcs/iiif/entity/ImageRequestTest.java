package dlcs.iiif.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Image API 3.0, sections 4.3 to 4.5: rotation, quality, format. */
class ImageRequestTest {

    @Test
    void theCanonicalRequestParses() {
        ImageRequest request = ImageRequest.parse("full", "max", "0", "default.jpg");
        assertEquals("default", request.quality());
        assertEquals("image/jpeg", request.mediaType());
        assertEquals("image/png", ImageRequest.parse("full", "max", "360", "gray.png").mediaType());
    }

    @Test
    void syntaxErrorsAre400() {
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "-90", "default.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "361", "default.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "x", "default.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "default"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "sepia.jpg"));
        assertThrows(InvalidIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "default.bmp"));
    }

    @Test
    void validRequestsForMissingFeaturesAre501() {
        assertThrows(UnsupportedIiifRequestException.class, () -> ImageRequest.parse("full", "max", "90", "default.jpg"));
        assertThrows(UnsupportedIiifRequestException.class, () -> ImageRequest.parse("full", "max", "!0", "default.jpg"));
        assertThrows(UnsupportedIiifRequestException.class, () -> ImageRequest.parse("full", "max", "0", "default.webp"));
    }
}
