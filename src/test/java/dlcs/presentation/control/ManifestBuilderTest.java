package dlcs.presentation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dlcs.iiif.control.Restriction;
import dlcs.imaging.entity.Dimensions;
import dlcs.presentation.entity.Canvas;
import dlcs.presentation.entity.Entry;
import dlcs.presentation.entity.ImageService;
import dlcs.presentation.entity.Manifest;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestBuilderTest {

    private static final String BASE = "https://dlcs.example.org";

    private final ManifestBuilder builder = TestImages.builder();

    @Test
    void aCanvasIsTheImagesSizeAndItsIdNamesTheImage() {
        Canvas canvas = builder.canvas(BASE, TestImages.ingested("page-1", 3000, 2000, "book", 1, List.of()));

        assertEquals("https://dlcs.example.org/iiif-img/7/3/page-1/canvas", canvas.id());
        assertEquals(3000, canvas.width());
        assertEquals(2000, canvas.height());
        assertEquals("page-1", canvas.label());
        assertEquals(canvas.id() + "/page", canvas.pageId());
        assertEquals(canvas.id() + "/page/image", canvas.paintingId());
    }

    @Test
    void theBodyIsTheLargestStoredThumbnailWithBothLevelTwoImageServices() {
        Canvas canvas = builder.canvas(BASE, TestImages.ingested("p", 3000, 2000, null, 0, List.of()));

        assertEquals("https://dlcs.example.org/thumbs/7/3/p/full/1024,683/0/default.jpg", canvas.body().id());
        assertEquals(1024, canvas.body().width());
        assertEquals(683, canvas.body().height());
        assertEquals(new ImageService("https://dlcs.example.org/iiif-img/v3/7/3/p",
                "https://dlcs.example.org/iiif-img/v2/7/3/p", ImageService.Level.LEVEL2), canvas.body().service());
    }

    @Test
    void theThumbnailIsTheSmallestStoredSizeOfAtLeast200PixelsWithTheLevelZeroService() {
        Canvas canvas = builder.canvas(BASE, TestImages.ingested("p", 3000, 2000, null, 0, List.of()));

        assertEquals("https://dlcs.example.org/thumbs/7/3/p/full/200,133/0/default.jpg", canvas.thumbnail().id());
        assertEquals(new ImageService("https://dlcs.example.org/thumbs/v3/7/3/p",
                "https://dlcs.example.org/thumbs/v2/7/3/p", ImageService.Level.LEVEL0), canvas.thumbnail().service());
    }

    @Test
    void aSmallImageHasOneStoredSizeItsOwn() {
        Canvas canvas = builder.canvas(BASE, TestImages.ingested("small", 150, 90, null, 0, List.of()));

        assertEquals("https://dlcs.example.org/thumbs/7/3/small/full/150,90/0/default.jpg", canvas.body().id());
        assertEquals(canvas.body().id(), canvas.thumbnail().id());
    }

    @Test
    void thumbnailSizesAreThoseIngestMakesHeldToARestriction() {
        Dimensions size = new Dimensions(3000, 2000);

        assertEquals(List.of(new Dimensions(1024, 683), new Dimensions(400, 267), new Dimensions(200, 133),
                new Dimensions(100, 67)), builder.thumbnails(size, Restriction.OPEN));
        assertEquals(List.of(new Dimensions(200, 133), new Dimensions(100, 67)),
                builder.thumbnails(size, new Restriction(true, 300)));
        assertEquals(List.of(), builder.thumbnails(size, new Restriction(true, 0)));
    }

    @Test
    void aRestrictedImageIsPaintedWithWhatAnonymousCallersMayHave() {
        Image restricted = TestImages.ingested("r", 3000, 2000, new ImageMetadata(null, null, null, null, null, null,
                null, null, List.of("staff"), 300, null));
        Canvas canvas = builder.canvas(BASE, restricted);

        assertEquals("https://dlcs.example.org/thumbs/7/3/r/full/200,133/0/default.jpg", canvas.body().id());
        assertEquals("https://dlcs.example.org/thumbs/7/3/r/full/200,133/0/default.jpg", canvas.thumbnail().id());
    }

    @Test
    void aClosedImageIsPaintedByItsImageServiceAndHasNoThumbnail() {
        Image closed = TestImages.ingested("c", 3000, 2000, new ImageMetadata(null, null, null, null, null, null,
                null, null, List.of("staff"), 0, null));
        Canvas canvas = builder.canvas(BASE, closed);

        assertEquals("https://dlcs.example.org/iiif-img/7/3/c/full/max/0/default.jpg", canvas.body().id());
        assertEquals(3000, canvas.body().width());
        assertNull(canvas.thumbnail());
    }

    @Test
    void anIdOutsideTheUnreservedCharactersIsEscapedInEveryUrl() {
        Canvas canvas = builder.canvas(BASE, TestImages.ingested("a b/é", 300, 200, null, 0, List.of()));

        assertEquals("https://dlcs.example.org/iiif-img/7/3/a%20b%2F%C3%A9/canvas", canvas.id());
        assertEquals("https://dlcs.example.org/iiif-img/v3/7/3/a%20b%2F%C3%A9", canvas.body().service().v3Id());
        assertEquals("a b/é", canvas.label());
    }

    @Test
    void metadataIsTheStringsSetTheNumbersAndTheTags() {
        Image image = TestImages.ingested("m", 300, 200, new ImageMetadata(null, "book", null, "third", 4L, null, 9L,
                List.of("a", "b"), null, null, null));

        assertEquals(List.of(new Entry("String 1", "book"), new Entry("String 3", "third"), new Entry("Number 1", "4"),
                new Entry("Number 2", "0"), new Entry("Number 3", "9"), new Entry("Tags", "a, b")),
                ManifestBuilder.metadata(image));
        assertEquals(ManifestBuilder.metadata(image), builder.canvas(BASE, image).metadata());
    }

    @Test
    void theManifestKeepsTheImagesOrderAndTakesTheFirstCanvassThumbnail() {
        List<Image> images = List.of(TestImages.ingested("b", 300, 200, null, 2, List.of()),
                TestImages.ingested("a", 400, 300, null, 1, List.of()));
        Manifest manifest = builder.build(BASE + "/iiif-resource/7/q/x", BASE, "label", List.of(), images);

        assertEquals(List.of("b", "a"), manifest.canvases().stream().map(Canvas::label).toList());
        assertEquals(manifest.canvases().get(0).thumbnail(), manifest.thumbnail());
        assertEquals(BASE + "/iiif-resource/7/q/x", manifest.id());
    }
}
