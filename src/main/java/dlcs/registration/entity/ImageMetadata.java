package dlcs.registration.entity;

import java.util.List;

/**
 * What a client says about an image. A {@code null} field was not given: a registration
 * (PUT) then takes the default, a PATCH leaves the stored value alone.
 */
public record ImageMetadata(
        String origin,
        String string1, String string2, String string3,
        Long number1, Long number2, Long number3,
        List<String> tags, List<String> roles,
        Integer maxUnauthorised,
        String thumbnailPolicy) {

    public static ImageMetadata none() {
        return new ImageMetadata(null, null, null, null, null, null, null, null, null, null, null);
    }
}
