package dlcs.imaging.entity;

import java.util.Optional;

/**
 * Formats recognised from their first bytes (never from a file name or a Content-Type).
 * {@code readerName} is the ImageIO format name used to find a reader through the SPI, so a
 * plugin such as imageio-ext that registers a reader for it takes part with no code change.
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpeg", true),
    PNG("image/png", "png", true),
    TIFF("image/tiff", "tiff", true),
    GIF("image/gif", "gif", true),
    BMP("image/bmp", "bmp", true),
    WEBP("image/webp", "webp", true),
    JPEG2000("image/jp2", "jpeg2000", true),
    PDF("application/pdf", null, false),
    HTML("text/html", null, false);

    private final String mediaType;
    private final String readerName;
    private final boolean image;

    ImageFormat(String mediaType, String readerName, boolean image) {
        this.mediaType = mediaType;
        this.readerName = readerName;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    public String readerName() {
        return readerName;
    }

    /** Whether this is an image format at all (HTML and PDF are recognised only to say so);
     * whether it can be decoded depends on the ImageIO readers installed. */
    public boolean isImage() {
        return image;
    }

    /** The format these leading bytes announce, if we know it. */
    public static Optional<ImageFormat> detect(byte[] head, int length) {
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 'I', 'I', 0x2A, 0x00) || startsWith(head, length, 'M', 'M', 0x00, 0x2A)
                || startsWith(head, length, 'I', 'I', 0x2B, 0x00) || startsWith(head, length, 'M', 'M', 0x00, 0x2B)) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(head, length, 'B', 'M') && length >= 26) {
            return Optional.of(BMP);
        }
        if (startsWith(head, length, 'R', 'I', 'F', 'F') && length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (startsWith(head, length, 0x00, 0x00, 0x00, 0x0C, 'j', 'P', 0x20, 0x20)
                || startsWith(head, length, 0xFF, 0x4F, 0xFF, 0x51)) {
            return Optional.of(JPEG2000);
        }
        if (startsWith(head, length, '%', 'P', 'D', 'F')) {
            return Optional.of(PDF);
        }
        String text = new String(head, 0, Math.min(length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head")
                || text.startsWith("<body") || text.startsWith("<?xml") && text.contains("<html")) {
            return Optional.of(HTML);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
