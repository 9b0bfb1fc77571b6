package dlcs.iiif.entity;

import java.awt.Dimension;
import java.awt.Rectangle;

/**
 * The four parameter segments of an image request, parsed for one API version:
 * {@code region/size/rotation/quality.format}. Syntax errors are 400; well-formed requests for
 * features this server lacks are 501.
 */
public record ImageRequest(ApiVersion version, Region region, Size size, Rotation rotation, Quality quality,
                           Format format) {

    public static ImageRequest parse(ApiVersion version, String region, String size, String rotation,
                                     String qualityAndFormat) {
        Region parsedRegion = Region.parse(region);
        Size parsedSize = Size.parse(size, version);
        Rotation parsedRotation = Rotation.parse(rotation);
        int dot = qualityAndFormat.lastIndexOf('.');
        if (dot <= 0 || dot == qualityAndFormat.length() - 1) {
            throw new InvalidIiifRequestException("The last segment must be quality.format, e.g. default.jpg.");
        }
        Quality quality = Quality.parse(qualityAndFormat.substring(0, dot));
        Format format = Format.parse(qualityAndFormat.substring(dot + 1));
        return new ImageRequest(version, parsedRegion, parsedSize, parsedRotation, quality, format);
    }

    /** An Image API 3.0 request. */
    public static ImageRequest parse(String region, String size, String rotation, String qualityAndFormat) {
        return parse(ApiVersion.V3, region, size, rotation, qualityAndFormat);
    }

    /**
     * The request applied to an image of {@code width} x {@code height}: what to cut, how big to
     * make it. The response must fit in {@code limits}, turned as well as sized: every side from
     * 1 to its largest side, and no more pixels than its {@code maxArea}.
     */
    public Resolved resolve(int width, int height, Limits limits) {
        Rectangle cut = region.resolve(width, height);
        Dimension out = size.resolve(cut.width, cut.height, limits);
        Dimension turned = rotation.turned(out);
        String turnedBy = "Turned by " + rotation.canonical().replace("!", "") + " degrees, the " + out.width + "x"
                + out.height + " image becomes " + turned.width + "x" + turned.height;
        if (turned.width > limits.maxSide() || turned.height > limits.maxSide()) {
            throw new InvalidIiifRequestException(turnedBy + ", with a side over " + limits.maxSide()
                    + " pixels, the most this service makes; ask for a smaller size.");
        }
        if ((long) turned.width * turned.height > limits.maxArea()) {
            throw new InvalidIiifRequestException(turnedBy + ", over the maxArea of " + limits.maxArea()
                    + " pixels; ask for a smaller size.");
        }
        String canonical = Region.canonical(cut, width, height) + "/"
                + Size.canonical(out, cut.width, cut.height, limits, version) + "/" + rotation.canonical() + "/"
                + quality.segment() + "." + format.extension();
        return new Resolved(cut, out, rotation, quality, format, canonical);
    }

    /**
     * A request in pixels, in the order the operations apply: region, size, mirror and
     * rotation, quality, format; with its canonical {@code region/size/rotation/quality.format}.
     */
    public record Resolved(Rectangle region, Dimension size, Rotation rotation, Quality quality, Format format,
                           String canonical) {
    }
}
