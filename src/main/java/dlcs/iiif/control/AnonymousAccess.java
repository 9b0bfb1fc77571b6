package dlcs.iiif.control;

import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.Limits;
import dlcs.iiif.entity.Size;
import dlcs.imaging.entity.Dimensions;
import java.awt.Rectangle;
import java.util.List;

/**
 * Holds anonymous callers to an image's {@link Restriction}: a restricted image is served whole
 * (the region resolves to the full image) and at most its {@code maxUnauthorised} on the longest
 * side, which is also the {@code maxWidth} and {@code maxHeight} that {@code max} keeps to; its
 * thumbnails up to that size; a closed one not at all. Asking for more is 401. An open image
 * passes through untouched, at the cost of one boolean.
 */
public final class AnonymousAccess {

    private AnonymousAccess() {
    }

    /** Refuses an image of which anonymous callers may have nothing, its info.json included. */
    public static void requireSome(ServedImage image) {
        if (image.restriction().isClosed()) {
            throw new RestrictedImageException("This image is restricted to authorised users and is not available"
                    + " anonymously.");
        }
    }

    /** The limits of responses about {@code image} for anonymous callers: {@code service}'s, and its restriction. */
    public static Limits limits(ServedImage image, Limits service) {
        requireSome(image);
        Restriction restriction = image.restriction();
        return restriction.isOpen() ? service : service.withMaxSide(restriction.maxSide());
    }

    /**
     * {@code request} resolved on {@code image} within {@code service}'s limits (400 beyond
     * them), then held to its restriction: 401 for a region other than the whole image, or a size
     * over the longest side allowed; {@code max} is the largest size allowed.
     */
    public static ImageRequest.Resolved resolve(ServedImage image, ImageRequest request, Limits service) {
        Restriction restriction = image.restriction();
        if (restriction.isOpen()) {
            return request.resolve(image.width(), image.height(), service);
        }
        requireSome(image);
        ImageRequest.Resolved resolved = request.resolve(image.width(), image.height(), service);
        int side = restriction.maxSide();
        if (!resolved.region().equals(new Rectangle(0, 0, image.width(), image.height()))) {
            throw new RestrictedImageException("Anonymous callers may have this image only whole (region full),"
                    + " at most " + side + " pixels on its longest side.");
        }
        if (request.size().kind() == Size.Kind.MAX) {
            resolved = request.resolve(image.width(), image.height(), service.withMaxSide(side));
        }
        if (resolved.size().width > side || resolved.size().height > side) {
            throw new RestrictedImageException("Anonymous callers may have this image at most " + side
                    + " pixels on its longest side, not " + resolved.size().width + "x" + resolved.size().height
                    + "; ask for full/max or full/!" + side + "," + side + ".");
        }
        return resolved;
    }

    /**
     * The stored thumbnails anonymous callers may have, largest first; 401 for a closed image, and
     * for a restricted one none of whose thumbnails is small enough.
     */
    public static List<Dimensions> thumbnails(ServedImage image) {
        Restriction restriction = image.restriction();
        if (restriction.isOpen()) {
            return image.thumbnails();
        }
        requireSome(image);
        int side = restriction.maxSide();
        List<Dimensions> offered = image.thumbnails().stream()
                .filter(thumbnail -> thumbnail.width() <= side && thumbnail.height() <= side).toList();
        if (offered.isEmpty() && !image.thumbnails().isEmpty()) {
            throw new RestrictedImageException("Anonymous callers may have this image's thumbnails only up to " + side
                    + " pixels on their longest side, and none is that small.");
        }
        return offered;
    }
}
