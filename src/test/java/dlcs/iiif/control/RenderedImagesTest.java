package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dlcs.iiif.entity.ImageRequest;
import dlcs.imaging.TestImages;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidReader;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
    private DeliverySettings settings;
    private RenderedImages renderer;

    @BeforeEach
    void serve() throws IOException {
        image = TestRenderers.serve(TestImages.grid(1000, 800), dir, "grid");
        settings = TestRenderers.settings(65_500, 1_000_000);
        renderer = TestRenderers.renderer(settings, 1);
    }

    private RenderedImages.Rendered render(String region, String size, String rotation, String format)
            throws IOException {
        return renderer.render(image,
                ImageRequest.parse(region, size, rotation, format).resolve(1000, 800, settings.limits()));
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
            assertArrayEquals(PyramidReader.tileBytes(image.pyramidBytes(), image.pyramid(),
                    new PyramidReader.Tile(0, 1, 0)), body(tile));
            assertEquals(1000, decode(large).getWidth());
        }
    }

    @Test
    void aRenderPastItsDeadlineStopsWith503AndGivesItsShareBack() throws Exception {
        renderer.renderTimeout = Duration.ZERO;
        // the whole image in PNG needs more than the whole 1 MB budget: it takes all of it
        RenderUnavailableException stopped = assertThrows(RenderUnavailableException.class,
                () -> render("full", "max", "0", "default.png"));
        assertEquals(503, stopped.status());
        assertEquals("1", stopped.headers().get("Retry-After"));
        renderer.renderTimeout = Duration.ofSeconds(30);
        // had the stopped render kept the budget, this one would wait its second for it and be refused
        try (RenderedImages.Rendered again = render("full", "max", "0", "default.png")) {
            assertEquals(1000, decode(again).getWidth());
        }
    }

    @Test
    void aTargetThatIsNotPositiveIsRefusedAtOnceAndGivesItsShareBack() throws Exception {
        ImageRequest.Resolved valid = ImageRequest.parse("full", "max", "0", "default.png")
                .resolve(1000, 800, settings.limits());
        ImageRequest.Resolved empty = new ImageRequest.Resolved(valid.region(), new Dimension(0, 0),
                valid.rotation(), valid.quality(), valid.format(), valid.canonical());
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IllegalArgumentException.class, () -> renderer.render(image, empty)));
        try (RenderedImages.Rendered again = renderer.render(image, valid)) {
            assertEquals(1000, decode(again).getWidth());
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
