package dlcs.iiif.control;

import dlcs.iiif.entity.Format;
import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.InvalidIiifRequestException;
import dlcs.iiif.entity.Limits;
import dlcs.iiif.entity.Quality;
import dlcs.iiif.entity.Region;
import dlcs.iiif.entity.Size;
import dlcs.iiif.entity.UnsupportedIiifRequestException;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.JpegDecoder;
import dlcs.imaging.control.JpegEncoder;
import dlcs.imaging.control.Rasters;
import dlcs.imaging.entity.Dimensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The level 0 thumbnail service: the whole image at the sizes made at ingest, sent as stored;
 * a size between two stored ones is scaled down from the next larger. Of a restricted image,
 * only the thumbnails within its {@link Restriction} are offered ({@link AnonymousAccess}).
 */
@ApplicationScoped
public class Thumbnails {

    /** No limit but what an int holds: the stored thumbnails are the limit here. */
    private static final Limits ANY_SIZE = new Limits(Integer.MAX_VALUE, Long.MAX_VALUE);

    /** Far more than a stored thumbnail takes (a 1024 pixel JPEG is well under 1 MB), so only damage reaches it. */
    private static final int MAX_THUMBNAIL_BYTES = 64 * 1024 * 1024;

    @Inject
    DeliverySettings settings;

    /**
     * The size a thumbnail request asks for; 400 beyond the largest stored, 401 beyond the largest
     * a restricted image's anonymous callers may have, 501 for anything but full/0/default.jpg.
     */
    public Dimensions size(ServedImage image, ImageRequest request) {
        if (!(request.region() instanceof Region.Full)) {
            throw new UnsupportedIiifRequestException("Thumbnails are served whole: the region must be full.");
        }
        if (!request.rotation().isNone()) {
            throw new UnsupportedIiifRequestException("Thumbnails are not rotated or mirrored: the rotation must be 0.");
        }
        if (request.quality() != Quality.DEFAULT && request.quality() != Quality.COLOR
                || request.format() != Format.JPG) {
            throw new UnsupportedIiifRequestException("Thumbnails are default.jpg only.");
        }
        List<Dimensions> stored = AnonymousAccess.thumbnails(image);
        if (stored.isEmpty()) {
            throw new ImageNotAvailableException("This image has no thumbnails.");
        }
        Dimensions largest = stored.get(0);
        if (request.size().kind() == Size.Kind.MAX) {
            return largest;
        }
        Size size = request.size();
        if (size.kind() == Size.Kind.FIT && !size.upscale()) {
            // a box larger than the image means the image's own size here: the stored sizes are
            // what level 0 clients pick from, and the largest may be the whole image
            size = new Size(Size.Kind.FIT, false, Math.min(size.width(), image.width()),
                    Math.min(size.height(), image.height()), 0);
        }
        // any size the segment names, worked out without overflow; then held to the stored ones
        java.awt.Dimension asked = size.resolve(image.width(), image.height(), ANY_SIZE);
        if (asked.width > largest.width() || asked.height > largest.height()) {
            if (stored.size() < image.thumbnails().size()) {
                throw new RestrictedImageException("Anonymous callers may have this image's thumbnails up to "
                        + largest + "; ask for that or less.");
            }
            throw new InvalidIiifRequestException("The largest thumbnail is " + largest + "; ask for that or less,"
                    + " or use the image service for larger sizes.");
        }
        return new Dimensions(asked.width, asked.height);
    }

    /** The JPEG bytes of the thumbnail at {@code size}: stored, or scaled from the next larger stored one. */
    public byte[] bytes(ServedImage image, Dimensions size) throws IOException {
        List<Dimensions> stored = image.thumbnails();
        Dimensions source = stored.get(0);
        for (Dimensions candidate : stored) {
            if (candidate.equals(size)) {
                return image.stored().readAll(DerivativeFiles.thumbnailName(candidate), MAX_THUMBNAIL_BYTES);
            }
            if (candidate.width() >= size.width() && candidate.height() >= size.height()) {
                source = candidate;
            }
        }
        // a missing file is told as such, so that the caller looks the image up again
        byte[] jpeg = image.stored().readAll(DerivativeFiles.thumbnailName(source), MAX_THUMBNAIL_BYTES);
        BufferedImage decoded;
        try {
            decoded = JpegDecoder.shared().decode(jpeg);
        } catch (IOException e) {
            throw new IOException("The stored thumbnail " + source + " of " + image.stored().location().path()
                    + " is unreadable", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JpegEncoder.write(Rasters.scale(Rasters.normalise(decoded), size.width(), size.height()), out,
                settings.jpegQuality());
        return out.toByteArray();
    }
}
