package dlcs.iiif.entity;

import java.util.Set;

/**
 * The four parameter segments of an Image API request, parsed: {@code region/size/rotation/quality.format}.
 * Syntax errors are 400; well-formed requests for features this server lacks are 501.
 */
public record ImageRequest(Region region, Size size, String quality, String format) {

    private static final Set<String> QUALITIES = Set.of("default", "color", "gray", "bitonal");
    private static final Set<String> SUPPORTED_QUALITIES = Set.of("default", "color", "gray", "bitonal");
    private static final Set<String> FORMATS = Set.of("jpg", "png", "gif", "tif", "webp", "jp2", "pdf");
    private static final Set<String> SUPPORTED_FORMATS = Set.of("jpg", "png");

    public static ImageRequest parse(String region, String size, String rotation, String qualityAndFormat) {
        Region parsedRegion = Region.parse(region);
        Size parsedSize = Size.parse(size);
        parseRotation(rotation);
        int dot = qualityAndFormat.lastIndexOf('.');
        if (dot <= 0 || dot == qualityAndFormat.length() - 1) {
            throw new InvalidIiifRequestException("The last segment must be quality.format, e.g. default.jpg.");
        }
        String quality = qualityAndFormat.substring(0, dot);
        String format = qualityAndFormat.substring(dot + 1);
        if (!QUALITIES.contains(quality)) {
            throw new InvalidIiifRequestException("The quality '" + quality + "' is not default, color, gray or bitonal.");
        }
        if (!FORMATS.contains(format)) {
            throw new InvalidIiifRequestException("The format '" + format + "' is not a IIIF image format.");
        }
        if (!SUPPORTED_QUALITIES.contains(quality)) {
            throw new UnsupportedIiifRequestException("The quality '" + quality + "' is not supported.");
        }
        if (!SUPPORTED_FORMATS.contains(format)) {
            throw new UnsupportedIiifRequestException("The format '" + format + "' is not supported; use jpg or png.");
        }
        return new ImageRequest(parsedRegion, parsedSize, quality, format);
    }

    private static void parseRotation(String rotation) {
        String degrees = rotation.startsWith("!") ? rotation.substring(1) : rotation;
        double value;
        try {
            value = Numbers.decimal(degrees, "rotation");
        } catch (InvalidIiifRequestException e) {
            throw new InvalidIiifRequestException("The rotation '" + rotation + "' is not a number of degrees from 0"
                    + " to 360, optionally after ! for mirroring.");
        }
        if (value > 360) {
            throw new InvalidIiifRequestException("The rotation must be from 0 to 360 degrees.");
        }
        if (rotation.startsWith("!") || value != 0 && value != 360) {
            throw new UnsupportedIiifRequestException("Rotation and mirroring are not supported yet; use 0.");
        }
    }

    public String mediaType() {
        return format.equals("png") ? "image/png" : "image/jpeg";
    }
}
