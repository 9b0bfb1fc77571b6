package dlcs.presentation.control;

import dlcs.registration.entity.Image;
import java.util.List;

/** The labels of manifests, from what the images say of themselves. */
public final class Labels {

    private Labels() {
    }

    /** A single image's manifest: its string1 (a title, where one is kept there), else its id. */
    public static String ofImage(Image image) {
        return image.string1() != null && !image.string1().isBlank() ? image.string1() : image.imageId();
    }

    /**
     * A named query's manifest: the string1 that every selected image shares (the book, in the
     * usual {@code book} query), else the query and its parameters as given.
     */
    public static String ofSelection(String query, List<String> parameters, List<Image> images) {
        String shared = images.isEmpty() ? null : images.get(0).string1();
        for (Image image : images) {
            if (shared == null || shared.isBlank() || !shared.equals(image.string1())) {
                shared = null;
                break;
            }
        }
        return shared != null ? shared : query + (parameters.isEmpty() ? "" : " " + String.join("/", parameters));
    }
}
