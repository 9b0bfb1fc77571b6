package dlcs.iiif.entity;

/**
 * The format part of the last segment (Image API 3.0 section 4.5). Every format the spec names
 * parses; those without a good encoder in the JDK (webp, jp2, pdf) are valid but not
 * implemented (501).
 */
public enum Format {
    JPG("image/jpeg", true),
    PNG("image/png", true),
    GIF("image/gif", true),
    TIF("image/tiff", true),
    WEBP("image/webp", false),
    JP2("image/jp2", false),
    PDF("application/pdf", false);

    private final String mediaType;
    private final boolean supported;

    Format(String mediaType, boolean supported) {
        this.mediaType = mediaType;
        this.supported = supported;
    }

    public static Format parse(String text) {
        for (Format format : values()) {
            if (format.extension().equals(text)) {
                if (!format.supported) {
                    throw new UnsupportedIiifRequestException("The format '" + text
                            + "' is not supported here; use jpg, png, gif or tif.");
                }
                return format;
            }
        }
        throw new InvalidIiifRequestException("The format '" + text + "' is not a IIIF image format"
                + " (jpg, png, gif, tif, webp, jp2, pdf).");
    }

    public String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String mediaType() {
        return mediaType;
    }
}
