package dlcs.iiif.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.iiif.entity.Limits;
import dlcs.imaging.control.TestMakers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up at start runs the imaging of delivery through, and leaves nothing behind. */
class DeliveryWarmUpTest {

    @TempDir
    Path parent;

    @Test
    void itIngestsTakesATileDrawsARegionAndRemovesItsDirectory() throws IOException {
        byte[] region = DeliveryWarmUp.imaging(TestMakers.configured(), new Limits(10_000, 16_000_000), 0.85f, parent);
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(region));
        assertEquals(200, drawn.getWidth(), "the region it draws, 500 x 400 at 200 wide");
        assertEquals(160, drawn.getHeight());
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(0, left.count(), "the warm-up's directory is removed");
        }
    }
}
