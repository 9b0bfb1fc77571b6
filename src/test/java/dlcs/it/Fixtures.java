package dlcs.it;

import dlcs.imaging.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/** Origin bodies for tests, generated: images of known sizes, and broken ones. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] jpeg(int width, int height) {
        return TestImages.encode(TestImages.grid(width, height), "jpg");
    }

    public static byte[] png(int width, int height) {
        return TestImages.encode(TestImages.grid(width, height), "png");
    }

    public static byte[] tiff(int width, int height) {
        return TestImages.encode(TestImages.grid(width, height), "tiff");
    }

    /** The first half of a JPEG: the decoder reaches the end of the data before the image is complete. */
    public static byte[] truncatedJpeg(int width, int height) {
        byte[] whole = jpeg(width, height);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** A JPEG header followed by noise. */
    public static byte[] corruptJpeg() {
        byte[] whole = jpeg(300, 200);
        byte[] corrupt = Arrays.copyOf(whole, whole.length);
        for (int i = 20; i < corrupt.length - 2; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        return corrupt;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><h1>Not found</h1></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A decompression bomb: a tiny PNG whose header declares {@code width} x {@code height}
     * pixels. Decoding it would need gigabytes; the header alone must get it refused.
     */
    public static byte[] pngBomb(int width, int height) {
        return pngHeader(width, height, 8, 2);
    }

    /**
     * A PNG that is all header: {@code width} x {@code height} at {@code bitDepth} bits a sample,
     * of PNG colour type {@code colourType} (0 grey, 2 RGB, 6 RGBA), and no real pixels.
     */
    public static byte[] pngHeader(int width, int height, int bitDepth, int colourType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
