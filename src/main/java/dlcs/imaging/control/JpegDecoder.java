package dlcs.imaging.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG streams, the pyramid's tiles and the stored thumbnails: with libjpeg-turbo when
 * the system has it ({@link TurboJpeg}), else with the ImageIO JPEG reader, pooled either way.
 */
public final class JpegDecoder {

    private static final JpegDecoder SHARED = new JpegDecoder(TurboJpeg.get());

    /** Null without libjpeg-turbo. */
    private final CodecPool<TurboDecompressor> turbo;
    private final CodecPool<ImageReader> readers =
            new CodecPool<>(JpegDecoder::newReader, reader -> reader.setInput(null), ImageReader::dispose);

    /** A decoder through {@code codec}, or through ImageIO when it is null. */
    JpegDecoder(TurboJpeg codec) {
        this.turbo = codec == null ? null
                : new CodecPool<>(codec::decompressor, TurboDecompressor::trim, TurboDecompressor::close);
    }

    /** The decoder of the codec {@code dlcs.image.jpeg-codec} chose. */
    public static JpegDecoder shared() {
        return SHARED;
    }

    /**
     * The pixels of a JPEG stream: from libjpeg-turbo 8-bit BGR or grey, and damage an error;
     * from ImageIO in the layout its reader chooses (callers normalise), and a truncated stream
     * decoded as far as it goes, as ImageIO's reader does.
     */
    public BufferedImage decode(byte[] jpeg) throws IOException {
        if (turbo != null) {
            return turbo.with(TurboDecompressor::decode, jpeg);
        }
        return readers.with(JpegDecoder::read, jpeg);
    }

    /** Whether {@link #decodePlanes} can give planes: only libjpeg-turbo decodes to them. */
    boolean decodesPlanes() {
        return turbo != null;
    }

    /** The planes of a 4:2:0 or grey JPEG stream; null when it is subsampled otherwise, or without libjpeg-turbo. */
    Planes decodePlanes(byte[] jpeg) throws IOException {
        return turbo == null ? null : turbo.with(TurboDecompressor::decodePlanes, jpeg);
    }

    private static BufferedImage read(ImageReader reader, byte[] jpeg) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            return reader.read(0);
        }
    }

    private static ImageReader newReader() throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IOException("No ImageIO JPEG reader is installed.");
        }
        return readers.next();
    }
}
