package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.iiif.entity.ImageRequest;
import dlcs.iiif.entity.InvalidIiifRequestException;
import dlcs.imaging.TestImages;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.storage.control.StoredDerivative;
import dlcs.imaging.control.TestPyramids;
import dlcs.imaging.entity.Dimensions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thumbnail bytes: a stored size as stored, another scaled from the next larger stored one.
 * The stored thumbnails are flat colours, each its own, so that a scaled one shows its source.
 */
class ThumbnailsTest {

    private static final Dimensions LARGE = new Dimensions(400, 300);
    private static final Dimensions SMALL = new Dimensions(100, 75);

    @TempDir
    Path dir;

    private Path version;
    private ServedImage image;
    private Thumbnails thumbnails;

    @BeforeEach
    void store() throws IOException {
        version = TestDerivatives.directory(dir, "grid");
        TestPyramids.write(TestImages.grid(800, 600), DerivativeFiles.pyramid(version));
        Files.createDirectories(DerivativeFiles.thumbnails(version));
        storeThumbnail(LARGE, Color.RED);
        storeThumbnail(SMALL, Color.BLUE);
        StoredDerivative stored = TestDerivatives.open(dir, "grid");
        image = new ServedImage(1, 1, "grid", stored, PyramidIndex.read(DerivativeFiles.pyramid(version)),
                DerivativeFiles.listThumbnails(stored.files().keySet()), Instant.now(), "1", Restriction.OPEN);
        thumbnails = new Thumbnails();
        thumbnails.settings = new DeliverySettings();
        thumbnails.settings.jpegQuality = 90;
    }

    private void storeThumbnail(Dimensions size, Color colour) throws IOException {
        BufferedImage flat = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = flat.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, size.width(), size.height());
        g.dispose();
        Files.write(DerivativeFiles.thumbnail(version, size), TestImages.encode(flat, "jpg"));
    }

    @Test
    void aStoredSizeIsSentAsStored() throws IOException {
        assertArrayEquals(Files.readAllBytes(DerivativeFiles.thumbnail(version, SMALL)), thumbnails.bytes(image, SMALL));
    }

    @Test
    void aSizeBetweenStoredOnesIsScaledFromTheNextLarger() throws IOException {
        BufferedImage scaled = ImageIO.read(new ByteArrayInputStream(
                thumbnails.bytes(image, new Dimensions(200, 150))));
        assertEquals(200, scaled.getWidth());
        assertEquals(150, scaled.getHeight());
        Color middle = new Color(scaled.getRGB(100, 75));
        assertTrue(middle.getRed() > 240 && middle.getBlue() < 16, "scaled from the red 400x300: " + middle);
    }

    private Dimensions size(ServedImage served, String size) {
        return thumbnails.size(served, ImageRequest.parse("full", size, "0", "default.jpg"));
    }

    @Test
    void aRestrictedImageOffersOnlyTheThumbnailsWithinItsLimit() {
        ServedImage restricted = TestRenderers.restricted(image, new Restriction(true, 300));
        assertEquals(SMALL, size(restricted, "max"), "the largest within 300 pixels");
        assertEquals(new Dimensions(80, 60), size(restricted, "80,"));
        assertEquals(401, assertThrows(RestrictedImageException.class, () -> size(restricted, "200,")).status(),
                "a stored size over the limit");
        assertEquals(LARGE, size(image, "max"), "open, the largest");
        assertEquals(400, assertThrows(InvalidIiifRequestException.class, () -> size(image, "401,")).status());
        for (int closed : new int[] {99, 0, -1}) {
            ServedImage none = TestRenderers.restricted(image, new Restriction(true, closed));
            assertThrows(RestrictedImageException.class, () -> size(none, "max"), "maxUnauthorised " + closed);
        }
    }
}
