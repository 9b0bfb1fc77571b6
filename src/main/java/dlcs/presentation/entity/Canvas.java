package dlcs.presentation.entity;

import java.util.List;

/**
 * One image as a page of a manifest: a canvas of the image's size, painted with {@code body};
 * {@code thumbnail} is {@code null} when anonymous callers may have no stored thumbnail of it.
 */
public record Canvas(String id, String label, int width, int height, List<Entry> metadata, Picture body,
                     Picture thumbnail) {

    public Canvas {
        metadata = List.copyOf(metadata);
    }

    /** The annotation page that holds the painting annotation. */
    public String pageId() {
        return id + "/page";
    }

    /** The painting annotation. */
    public String paintingId() {
        return id + "/page/image";
    }
}
