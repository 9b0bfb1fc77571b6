package dlcs.imaging.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes the tiles of a band as complete JPEG streams: with libjpeg-turbo when the system has
 * it ({@link TurboJpeg}), else with one reused ImageIO JPEG writer (any registered through the
 * SPI). Full tiles are encoded from a view of the band, without copying;
 * tiles cut by the right or bottom edge are padded to the full tile size by repeating the last
 * column and row, as TIFF requires whole tiles and JPEG compresses repeated pixels best.
 */
final class JpegTiles implements AutoCloseable {

    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final int tileSize;
    private final float quality;
    private final TurboCompressor turbo;
    private final Buffer buffer = new Buffer();
    private BufferedImage padded;

    /** Tiles encoded through {@code codec}, or through ImageIO when it is null. */
    JpegTiles(int tileSize, float quality, TurboJpeg codec) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO JPEG writer is installed.");
        }
        this.writer = writers.next();
        this.param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        this.tileSize = tileSize;
        this.quality = quality;
        this.turbo = codec == null ? null : codec.compressor();
    }

    /**
     * Encodes the tile whose left edge is {@code x} in {@code band} (a band one tile high or
     * less). The bytes returned are valid until the next call.
     */
    ByteBuffer encode(BufferedImage band, int x) throws IOException {
        int width = Math.min(tileSize, band.getWidth() - x);
        if (turbo != null) {
            if (width == tileSize && band.getHeight() == tileSize) {
                turbo.load(band);
                return ByteBuffer.wrap(turbo.encode(x, tileSize, tileSize, quality));
            }
            // the padded tile is a separate image: the band is loaded again for the next tile
            return ByteBuffer.wrap(turbo.encode(pad(band, x, width), quality));
        }
        BufferedImage tile = width == tileSize && band.getHeight() == tileSize
                ? band.getSubimage(x, 0, tileSize, tileSize)
                : pad(band, x, width);
        return encodeImage(tile);
    }

    /** Encodes the tile whose left edge is {@code x} at its true size, however the image's edge cuts it. */
    ByteBuffer encodeAsIs(BufferedImage band, int x) throws IOException {
        if (turbo != null) {
            turbo.load(band);
            return ByteBuffer.wrap(turbo.encode(x, Math.min(tileSize, band.getWidth() - x), band.getHeight(), quality));
        }
        return encodeImage(band.getSubimage(x, 0, Math.min(tileSize, band.getWidth() - x), band.getHeight()));
    }

    private ByteBuffer encodeImage(BufferedImage tile) throws IOException {
        buffer.reset();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(tile, null, null), param);
        }
        return ByteBuffer.wrap(buffer.bytes(), 0, buffer.size());
    }

    private BufferedImage pad(BufferedImage band, int x, int width) {
        if (padded == null || padded.getType() != band.getType()) {
            padded = new BufferedImage(tileSize, tileSize, band.getType());
        }
        Rasters.Bytes from = Rasters.bytes(band);
        Rasters.Bytes to = Rasters.bytes(padded);
        int pixel = from.pixelStride();
        int rows = band.getHeight();
        for (int y = 0; y < tileSize; y++) {
            int source = from.offset() + Math.min(y, rows - 1) * from.stride() + x * pixel;
            int target = to.offset() + y * to.stride();
            System.arraycopy(from.data(), source, to.data(), target, width * pixel);
            int last = target + (width - 1) * pixel;
            for (int p = width; p < tileSize; p++) {
                System.arraycopy(to.data(), last, to.data(), target + p * pixel, pixel);
            }
        }
        return padded;
    }

    @Override
    public void close() {
        writer.dispose();
        if (turbo != null) {
            turbo.close();
        }
    }

    /** A reusable output buffer whose array is handed out without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(64 * 1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
