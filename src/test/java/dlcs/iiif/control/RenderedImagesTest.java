package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.InvalidIiifRequestException;
import dlcs.imaging.TestImages;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.control.PyramidWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering within the memory budget: shares held until the body is written, turned images within maxArea. */
class RenderedImagesTest {

    @TempDir
    Path dir;

    private ServedImage image;
    private RenderedImages renderer;

    @BeforeEach
    void serve() throws IOException {
        PyramidWriter.write(TestImages.grid(1000, 800), DerivativeFiles.pyramid(dir), 0.9f);
        image = new ServedImage(1, 1, "grid", dir, PyramidIndex.read(DerivativeFiles.pyramid(dir)), List.of(),
                Instant.now(), "1");
        DeliverySettings settings = new DeliverySettings();
        settings.defaultVersion = "3";
        settings.maxArea = 1_000_000;
        settings.jpegQuality = 85;
        renderer = new RenderedImages();
        renderer.settings = settings;
        renderer.renderBudgetMegabytes = Optional.of(1L);
        renderer.tileCacheMegabytes = 0;
        renderer.pixelPoolMegabytes = 0;
        renderer.createBudget();
    }

    private RenderedImages.Rendered render(String region, String size, String rotation, String format)
            throws IOException {
        return renderer.render(image, ImageRequest.parse(region, size, rotation, format).resolve(1000, 800, 1_000_000));
    }

    private static BufferedImage decode(RenderedImages.Rendered rendered) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        rendered.writeTo(body);
        assertEquals(body.size(), rendered.length());
        return ImageIO.read(new ByteArrayInputStream(body.toByteArray()));
    }

    @Test
    void aRenderHoldsItsShareOfTheBudgetUntilItsBodyIsWritten() throws Exception {
        // 1000x800 in BGR is more than the whole 1 MB budget: this render runs alone
        RenderedImages.Rendered large = render("full", "max", "0", "default.png");
        CompletableFuture<BufferedImage> small = CompletableFuture.supplyAsync(() -> {
            try (RenderedImages.Rendered rendered = render("0,0,100,100", "50,", "0", "default.png")) {
                return decode(rendered);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertFalse(small.isDone(), "the small render waits while the large one's body is unwritten");
        assertEquals(1000, decode(large).getWidth());
        large.close();
        assertEquals(50, small.get(30, TimeUnit.SECONDS).getWidth(), "and runs once it is written");
        large.close(); // closing twice gives back nothing twice
        try (RenderedImages.Rendered again = render("0,0,100,100", "50,", "0", "default.png")) {
            assertEquals(50, decode(again).getWidth());
        }
    }

    @Test
    void aTurnedImageMustFitInMaxArea() throws IOException {
        // 1000x800 is within the maxArea of a million pixels; turned by 45 degrees it is 1273x1273
        InvalidIiifRequestException refused = assertThrows(InvalidIiifRequestException.class,
                () -> render("full", "max", "45", "default.jpg"));
        assertTrue(refused.getMessage().contains("1273x1273, over the maxArea of 1000000"), refused.getMessage());
        try (RenderedImages.Rendered quarter = render("full", "max", "90", "default.jpg")) {
            BufferedImage turned = decode(quarter);
            assertEquals(800, turned.getWidth());
            assertEquals(1000, turned.getHeight());
        }
        try (RenderedImages.Rendered smaller = render("full", "500,", "!45", "default.png")) {
            assertEquals(636, decode(smaller).getWidth());
        }
    }

    @Test
    void aBodyBufferGivesBackExactlyWhatWasWrittenAcrossItsChunks() throws IOException {
        byte[] bytes = new byte[700_000];
        new Random(4).nextBytes(bytes);
        BodyBuffer buffer = new BodyBuffer();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        buffer.write(bytes[0]);
        expected.write(bytes[0]);
        for (int offset = 1, length = 1; offset < bytes.length; offset += length, length = length * 3 + 7) {
            length = Math.min(length, bytes.length - offset);
            buffer.write(bytes, offset, length);
            expected.write(bytes, offset, length);
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        buffer.writeTo(written);
        assertEquals(bytes.length, buffer.size());
        assertArrayEquals(expected.toByteArray(), written.toByteArray());
        assertArrayEquals(bytes, written.toByteArray());
    }
}
