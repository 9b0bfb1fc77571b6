package dlcs.imaging.control;

import dlcs.imaging.entity.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Opens a master image: recognises its format from its bytes, finds an ImageIO reader for it
 * through the SPI, and decodes it, treating any decoder warning (a truncated JPEG, say) as an
 * error rather than storing a half-grey derivative. What may be decoded at all is
 * {@link MasterLimits}'s to say, from the header.
 */
public final class ImageDecoder {

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    /** The first bytes of {@code file} as a format. */
    public static ImageFormat detect(Path file) {
        byte[] head = new byte[512];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UnreadableImageException("The image file cannot be read: " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new UnreadableImageException("The image is empty (0 bytes).");
        }
        ImageFormat format = ImageFormat.detect(head, read)
                .orElseThrow(() -> new UnreadableImageException(
                        "The bytes are not an image format this server knows (JPEG, PNG, TIFF, GIF, BMP)."));
        if (!format.isImage()) {
            throw new UnreadableImageException("The bytes are " + format.mediaType()
                    + ", not an image: check that the origin URL (or the file sent) is the image file itself.");
        }
        return format;
    }

    /** A reader for {@code format}, positioned on {@code input}; the caller disposes of it. */
    public static ImageReader readerFor(ImageFormat format, ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new UnreadableImageException("This server has no decoder for " + format.mediaType()
                    + "; convert the image to JPEG, PNG or TIFF.");
        }
        ImageReader reader = readers.next();
        reader.setInput(input, true, true);
        return reader;
    }

    /** Decodes the whole first image; any warning from the decoder makes it unreadable. */
    public static BufferedImage decode(ImageReader reader, ImageFormat format) {
        return read(reader, null, "The " + format.mediaType());
    }

    /**
     * Reads the first image (or the region {@code param} names), treating any decoder warning as
     * damage; {@code what} starts the error message ("The image/jpeg", "The image (rows 256 to 511)").
     */
    static BufferedImage read(ImageReader reader, ImageReadParam param, String what) {
        StringBuilder warnings = new StringBuilder();
        IIOReadWarningListener listener = (source, warning) -> warnings.append(warning).append(' ');
        reader.addIIOReadWarningListener(listener);
        try {
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw new UnreadableImageException(what + " is damaged: " + warnings.toString().trim());
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableImageException unreadable) {
                throw unreadable;
            }
            throw new UnreadableImageException(what + " cannot be decoded (truncated or corrupt?): " + describe(e), e);
        } finally {
            reader.removeIIOReadWarningListener(listener);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
