package dlcs.imaging.control;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOWriteProgressListener;
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
     * An ImageIO writer is aborted once {@code deadline} passes (writers check between rows), and
     * then {@link DeadlinePassedException} is thrown; what was written is incomplete.
     */
    public static void write(BufferedImage image, String format, OutputStream target, float jpegQuality,
                             Deadline deadline) throws IOException {
        deadline.check();
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
            AbortAt abort = new AbortAt(deadline);
            writer.addIIOWriteProgressListener(abort);
            writer.write(null, new IIOImage(image, null, null), param);
            // a writer that was aborted returns as if it had finished
            if (abort.aborted) {
                throw new DeadlinePassedException();
            }
        } finally {
            writer.dispose();
        }
    }

    /** Asks a writer to stop once the deadline passes: it looks between rows. */
    private static final class AbortAt implements IIOWriteProgressListener {
        private final Deadline deadline;
        private boolean aborted;

        AbortAt(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public void imageProgress(ImageWriter source, float percentageDone) {
            if (deadline.passed()) {
                aborted = true;
                source.abort();
            }
        }

        @Override
        public void imageStarted(ImageWriter source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageWriter source) {
        }

        @Override
        public void thumbnailStarted(ImageWriter source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageWriter source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageWriter source) {
        }

        @Override
        public void writeAborted(ImageWriter source) {
        }
    }
}
