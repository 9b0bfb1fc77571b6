package dlcs.presentation.entity;

/** A JPEG of an image at one size, and the image service that serves it at others. */
public record Picture(String id, int width, int height, ImageService service) {
}
