package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masters refused from their header for the memory they would take, one kind of file each: the
 * refusal comes before any decoding (the PNGs here have no real pixels, so decoding them would
 * fail another way), in bytes with bands and bits counted, per side, and per tile count.
 */
class MasterLimitsTest {

    private static final List<Integer> BOXES = List.of(200, 100);

    @TempDir
    Path dir;

    private final DerivativeMaker maker = TestMakers.configured();

    @BeforeEach
    void configure() {
        maker.maxPixels = 150_000_000;
    }

    private ImageTooLargeException refused(Path master) {
        return assertThrows(ImageTooLargeException.class, () -> maker.make(master, dir.resolve("out"), BOXES));
    }

    @Test
    void aSixteenBitRgbaPngUnderThePixelLimitIsRefusedForItsBytes() throws IOException {
        // 80 million pixels, under the 150 million limit; at 8 bytes a pixel, 640 MB
        ImageTooLargeException refused = refused(Files.write(dir.resolve("deep.png"),
                Fixtures.pngHeader(10_000, 8_000, 16, 6)));
        assertTrue(refused.getMessage().contains("8 bytes a pixel"), refused.getMessage());
        assertTrue(refused.getMessage().contains("611 MB, more than the 512 MB"), refused.getMessage());
        // the same pixels at 8-bit RGB, 3 bytes each (229 MB), pass the header check and fail only on the missing pixels
        assertThrows(UnreadableImageException.class, () -> maker.make(Files.write(dir.resolve("rgb.png"),
                Fixtures.pngHeader(10_000, 8_000, 8, 2)), dir.resolve("out"), BOXES));
    }

    @Test
    void aSideLongerThanTheCapIsRefused() throws IOException {
        ImageTooLargeException refused = refused(Files.write(dir.resolve("wide.png"),
                Fixtures.pngHeader(70_000, 10, 8, 0)));
        assertTrue(refused.getMessage().contains("each side may be at most 65535"), refused.getMessage());
    }

    @Test
    void anExtremeAspectRatioIsRefusedForItsTileCount() throws IOException {
        maker.maxTiles = 300;
        ImageTooLargeException refused = refused(Files.write(dir.resolve("thin.png"),
                Fixtures.pngHeader(65_000, 1, 8, 0)));
        assertTrue(refused.getMessage().contains("508 tiles, more than the 300"), refused.getMessage());
    }

    @Test
    void aWideTiledTiffIsRefusedForTheBandItWouldBeReadIn() throws IOException {
        maker.maxDecodedMegabytes = 16;
        maker.maxPixels = 1_000_000; // so that it is read by regions, not whole
        Path tiff = tiledTiff(20_000, 1_100, 256, 1024);
        ImageTooLargeException refused = refused(tiff);
        assertTrue(refused.getMessage().contains("a band of 1024 rows takes 20 MB, more than the 16 MB"),
                refused.getMessage());
        maker.maxDecodedMegabytes = 32;
        assertEquals(20_000, maker.make(tiff, dir.resolve("ok"), BOXES).size().width(), "within the limit it ingests");
    }

    @Test
    void tilesAreCountedOverEveryLevelAsThePyramidIsWritten() {
        assertEquals(1, MasterLimits.tiles(256, 256));
        assertEquals(4 + 1, MasterLimits.tiles(512, 512));
        assertEquals(2 + 1, MasterLimits.tiles(257, 10));
        assertEquals(254 + 127 + 64 + 32 + 16 + 8 + 4 + 2 + 1, MasterLimits.tiles(65_000, 1));
    }

    /** A grey TIFF of {@code width} x {@code height} in tiles of the given size, Deflate-compressed (small on disk). */
    private Path tiledTiff(int width, int height, int tileWidth, int tileHeight) throws IOException {
        Path file = dir.resolve("tiled.tif");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
            param.setTiling(tileWidth, tileHeight, 0, 0);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }
}
