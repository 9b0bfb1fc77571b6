package dlcs.imaging.control;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Rendered images out as bytes: JPEG through {@link JpegEncoder}, other formats through whichever
 * ImageIO writer is registered for the format.
 */
public final class ImageEncoders {

    private ImageEncoders() {
    }

    /**
     * Writes {@code image} as {@code format} (an ImageIO format name: jpeg, png, gif, tiff).
     * JPEG has no alpha and no 1-bit form: such images are flattened onto white or widened to grey.
     */
    public static void write(BufferedImage image, String format, OutputStream target, float jpegQuality)
            throws IOException {
        if (format.equals("jpeg")) {
            JpegEncoder.write(image, target, jpegQuality);
            return;
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + format + " is installed.");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("tiff")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(image.getType() == BufferedImage.TYPE_BYTE_BINARY ? "CCITT T.6" : "Deflate");
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
