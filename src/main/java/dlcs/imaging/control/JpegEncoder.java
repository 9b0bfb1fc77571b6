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

/** Baseline JPEG at a given quality, for thumbnails and rendered regions: libjpeg-turbo when present, else ImageIO. */
public final class JpegEncoder {

    private JpegEncoder() {
    }

    /** JPEG planes, as libjpeg-turbo encodes them (planes exist only where it is present). */
    public static byte[] encode(Planes planes, float quality) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo == null) {
            throw new IllegalStateException("JPEG planes are encoded by libjpeg-turbo, which is not loaded");
        }
        return turbo.encode(planes, quality);
    }

    public static void write(BufferedImage image, OutputStream target, float quality) throws IOException {
        TurboJpeg turbo = TurboJpeg.get();
        if (turbo != null) {
            target.write(turbo.encode(Rasters.normalise(image), quality));
            return;
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO JPEG writer is installed.");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(Rasters.normalise(image), null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
