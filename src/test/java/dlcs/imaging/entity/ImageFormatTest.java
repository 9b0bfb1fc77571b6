package dlcs.imaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    private static Optional<ImageFormat> detect(byte[] bytes) {
        return ImageFormat.detect(bytes, bytes.length);
    }

    @Test
    void formatsAreRecognisedFromTheirBytes() {
        assertEquals(ImageFormat.JPEG, detect(TestImages.encode(TestImages.grid(10, 10), "jpg")).orElseThrow());
        assertEquals(ImageFormat.PNG, detect(TestImages.encode(TestImages.grid(10, 10), "png")).orElseThrow());
        assertEquals(ImageFormat.TIFF, detect(TestImages.encode(TestImages.grid(10, 10), "tiff")).orElseThrow());
        assertEquals(ImageFormat.GIF, detect(TestImages.encode(TestImages.grid(10, 10), "gif")).orElseThrow());
        assertEquals(ImageFormat.TIFF, detect(new byte[]{'M', 'M', 0, 42, 0, 0}).orElseThrow());
        assertEquals(ImageFormat.WEBP, detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)).orElseThrow());
    }

    @Test
    void htmlIsRecognisedToSaySoAndNoiseIsUnknown() {
        ImageFormat html = detect("  <!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(ImageFormat.HTML, html);
        assertTrue(!html.isImage());
        assertTrue(detect("hello".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(detect(new byte[0]).isEmpty());
    }
}
