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
 * Baseline JPEG at a given quality, for thumbnails and rendered regions: with libjpeg-turbo when
 * the system has it ({@link TurboJpeg}), its encoders pooled, else with the ImageIO JPEG writer.
 */
public final class JpegEncoder {

    /** Null without libjpeg-turbo. */
    private static final CodecPool<TurboCompressor> TURBO = TurboJpeg.get() == null ? null
            : new CodecPool<>(TurboJpeg.get()::compressor, TurboCompressor::trim, TurboCompressor::close);

    private JpegEncoder() {
    }

    /** JPEG planes, as libjpeg-turbo encodes them (planes exist only where it is present). */
    public static byte[] encode(Planes planes, float quality) throws IOException {
        if (TURBO == null) {
            throw new IllegalStateException("JPEG planes are encoded by libjpeg-turbo, which is not loaded");
        }
        return TURBO.with((compressor, input) -> compressor.encode(input, quality), planes);
    }

    public static void write(BufferedImage image, OutputStream target, float quality) throws IOException {
        if (TURBO != null) {
            target.write(TURBO.with((compressor, input) -> compressor.encode(input, quality),
                    Rasters.normalise(image)));
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
