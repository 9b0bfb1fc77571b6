package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import dlcs.imaging.entity.Derivative;
import dlcs.storage.control.LocalDerivativeStore;
import dlcs.imaging.entity.Dimensions;
import dlcs.storage.control.LocalDerivativeStore;
import dlcs.imaging.entity.ImageFormat;
import dlcs.storage.control.LocalDerivativeStore;
import dlcs.imaging.entity.PyramidLevel;
import dlcs.it.Fixtures;
import dlcs.storage.control.LocalDerivativeStore;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivativeMakerTest {

    private static final List<Integer> BOXES = List.of(1024, 400, 200, 100);

    @TempDir
    Path dir;

    private final DerivativeMaker maker = TestMakers.configured();

    private Path master(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("master.bin"), bytes);
    }

    @Test
    void aJpegBecomesAPyramidAndThumbnails() throws IOException {
        Path out = dir.resolve("out");
        Derivative derivative = maker.make(master(Fixtures.jpeg(1500, 1000)), out, BOXES);
        assertEquals(new Dimensions(1500, 1000), derivative.size());
        assertEquals(ImageFormat.JPEG, derivative.sourceFormat());
        assertEquals(List.of(new Dimensions(1024, 683), new Dimensions(400, 267), new Dimensions(200, 133),
                new Dimensions(100, 67)), derivative.thumbnails());
        assertEquals(derivative.thumbnails(), DerivativeFiles.listThumbnails(LocalDerivativeStore.files(out).keySet()));
        List<PyramidLevel> levels = PyramidIndex.read(DerivativeFiles.pyramid(out)).levels();
        assertEquals(4, levels.size(), "1500, 750, 375, 188");
        assertEquals(List.of(1, 2, 4, 8), levels.stream().map(l -> l.scaleFactor()).toList());
    }

    @Test
    void aRenderedRegionMatchesTheSourceWithinJpegTolerance() throws IOException {
        BufferedImage source = TestImages.grid(1000, 800);
        Path out = dir.resolve("out");
        maker.make(master(TestImages.encode(source, "png")), out, BOXES);
        Path pyramid = DerivativeFiles.pyramid(out);
        BufferedImage region = TestPyramids.render(pyramid, PyramidIndex.read(pyramid),
                new Rectangle(300, 200, 400, 300), 400, 300);
        assertTrue(TestImages.meanDifference(source.getSubimage(300, 200, 400, 300), region) < 3);
        BufferedImage reduced = TestPyramids.render(pyramid, PyramidIndex.read(pyramid),
                new Rectangle(0, 0, 1000, 800), 250, 200);
        assertTrue(TestImages.meanDifference(Rasters.scale(source, 250, 200), reduced) < 6);
    }

    @Test
    void aGreySourceBecomesAGreyPyramidAndTransparencyIsFlattenedOntoWhite() throws IOException {
        BufferedImage grey = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        Path g = dir.resolve("g");
        assertEquals(new Dimensions(300, 300), maker.make(master(TestImages.encode(grey, "png")), g, BOXES).size());
        assertTrue(PyramidIndex.read(DerivativeFiles.pyramid(g)).grey());
        BufferedImage transparent = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        Path a = dir.resolve("a");
        assertEquals(new Dimensions(300, 200),
                maker.make(master(TestImages.encode(transparent, "png")), a, BOXES).size());
        PyramidIndex index = PyramidIndex.read(DerivativeFiles.pyramid(a));
        assertFalse(index.grey());
        BufferedImage rendered = TestPyramids.render(DerivativeFiles.pyramid(a), index, new Rectangle(0, 0, 300, 200),
                300, 200);
        assertEquals(0xFFFFFF, rendered.getRGB(150, 100) & 0xFFFFFF);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws IOException {
        ImageTooLargeException refused = assertThrows(ImageTooLargeException.class,
                () -> maker.make(master(Fixtures.pngBomb(60_000, 60_000)), dir.resolve("out"), BOXES));
        assertTrue(refused.getMessage().contains("3600000000 pixels"), refused.getMessage());
    }

    @Test
    void truncatedCorruptAndNonImagesAreUnreadable() throws IOException {
        assertThrows(UnreadableImageException.class,
                () -> maker.make(master(Fixtures.truncatedJpeg(600, 400)), dir.resolve("t"), BOXES));
        assertThrows(UnreadableImageException.class,
                () -> maker.make(master(Fixtures.corruptJpeg()), dir.resolve("c"), BOXES));
        UnreadableImageException html = assertThrows(UnreadableImageException.class,
                () -> maker.make(master(Fixtures.html()), dir.resolve("h"), BOXES));
        assertTrue(html.getMessage().contains("text/html"));
        assertThrows(UnreadableImageException.class, () -> maker.make(master(new byte[0]), dir.resolve("e"), BOXES));
    }
}
