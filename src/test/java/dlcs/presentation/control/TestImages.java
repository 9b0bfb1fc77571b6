package dlcs.presentation.control;

import dlcs.imaging.entity.DerivativeBytes;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import java.util.List;

/** Ingested images as their rows say, and a builder configured as the server is by default. */
public final class TestImages {

    private TestImages() {
    }

    /** An open image of customer 7, space 3, ingested at {@code width} x {@code height}. */
    public static Image ingested(String id, int width, int height, String string1, long number1, List<String> tags) {
        return ingested(id, width, height, new ImageMetadata("https://example.org/" + id + ".jpg", string1, null, null,
                number1, null, null, tags, null, null, null));
    }

    public static Image ingested(String id, int width, int height, ImageMetadata metadata) {
        Image image = new Image(7, 3, id);
        image.register(metadata, new Space(7, 3, "space"));
        image.finishIngest(width, height, "image/jpeg", "v1", new DerivativeBytes(1000, 100));
        return image;
    }

    public static ManifestBuilder builder() {
        ManifestBuilder builder = new ManifestBuilder();
        builder.thumbnailBoxes = List.of(1024, 400, 200, 100);
        return builder;
    }
}
