package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.Limits;
import dlcs.imaging.TestImages;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.control.TestPyramids;
import dlcs.imaging.control.PyramidReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering: stored tiles as stored, turned images at their bounding box, within the memory budget. */
class RenderedImagesTest {

    @TempDir
    Path dir;

    private ServedImage image;
    private RenderedImages renderer;

    @BeforeEach
    void serve() throws IOException {
        TestPyramids.write(TestImages.grid(1000, 800), DerivativeFiles.pyramid(dir));
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
        renderer.createShared();
    }

    private RenderedImages.Rendered render(String region, String size, String rotation, String format)
            throws IOException {
        return renderer.render(image, ImageRequest.parse(region, size, rotation, format).resolve(1000, 800, new Limits(65_500, 1_000_000)));
    }

    private static byte[] body(RenderedImages.Rendered rendered) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        rendered.writeTo(body);
        assertEquals(body.size(), rendered.length());
        return body.toByteArray();
    }

    private static BufferedImage decode(RenderedImages.Rendered rendered) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(body(rendered)));
    }

    /** A small render on a thread of its own, so that it can be seen waiting for the budget. */
    private FutureTask<BufferedImage> startSmallRender() throws InterruptedException {
        FutureTask<BufferedImage> small = new FutureTask<>(() -> {
            try (RenderedImages.Rendered rendered = render("0,0,100,100", "50,", "0", "default.png")) {
                return decode(rendered);
            }
        });
        Thread thread = new Thread(small, "small render");
        thread.setDaemon(true);
        thread.start();
        BudgetWaiters.awaitWaiting(thread);
        assertFalse(small.isDone());
        return small;
    }

    @Test
    void aRenderHoldsItsShareOfTheBudgetUntilItsBodyIsWritten() throws Exception {
        // 1000x800 in BGR is more than the whole 1 MB budget: this render takes all of it
        RenderedImages.Rendered large = render("full", "max", "0", "default.png");
        FutureTask<BufferedImage> small = startSmallRender();
        assertEquals(1000, decode(large).getWidth());
        large.close();
        assertEquals(50, small.get(30, TimeUnit.SECONDS).getWidth(), "and runs once it is written");
    }

    @Test
    void closingARenderTwiceGivesItsShareBackOnce() throws Exception {
        RenderedImages.Rendered large = render("full", "max", "0", "default.png");
        large.close();
        large.close();
        // had the second close given the whole budget back again, the small render would not wait
        RenderedImages.Rendered again = render("full", "max", "0", "default.png");
        FutureTask<BufferedImage> small = startSmallRender();
        again.close();
        assertEquals(50, small.get(30, TimeUnit.SECONDS).getWidth());
    }

    @Test
    void aStoredTileIsSentAsStoredWithoutWaitingForTheBudget() throws Exception {
        try (RenderedImages.Rendered large = render("full", "max", "0", "default.png");
             RenderedImages.Rendered tile = render("256,0,256,256", "256,", "0", "default.jpg")) {
            assertArrayEquals(PyramidReader.tileBytes(DerivativeFiles.pyramid(dir), image.pyramid(),
                    new PyramidReader.Tile(0, 1, 0)), body(tile));
            assertEquals(1000, decode(large).getWidth());
        }
    }

    @Test
    void turnedImagesAreRenderedAtTheirBoundingBox() throws IOException {
        try (RenderedImages.Rendered quarter = render("full", "max", "90", "default.jpg")) {
            BufferedImage turned = decode(quarter);
            assertEquals(800, turned.getWidth());
            assertEquals(1000, turned.getHeight());
        }
        try (RenderedImages.Rendered smaller = render("full", "500,", "!45", "default.png")) {
            BufferedImage turned = decode(smaller);
            assertEquals(636, turned.getWidth());
            assertEquals(636, turned.getHeight());
        }
    }
}
