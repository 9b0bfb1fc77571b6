package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import dlcs.imaging.entity.Derivative;
import dlcs.imaging.entity.Dimensions;
import dlcs.imaging.entity.ImageFormat;
import dlcs.imaging.entity.PyramidLevel;
import dlcs.it.Fixtures;
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

    private final DerivativeMaker maker = new DerivativeMaker(40_000_000, 1_000_000_000, 85);

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
        assertEquals(derivative.thumbnails(), DerivativeFiles.listThumbnails(out));
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
        BufferedImage region = PyramidReader.render(pyramid, PyramidIndex.read(pyramid),
                new Rectangle(300, 200, 400, 300), 400, 300);
        assertTrue(TestImages.meanDifference(source.getSubimage(300, 200, 400, 300), region) < 3);
        BufferedImage reduced = PyramidReader.render(pyramid, PyramidIndex.read(pyramid),
                new Rectangle(0, 0, 1000, 800), 250, 200);
        assertTrue(TestImages.meanDifference(Rasters.scale(source, 250, 200), reduced) < 6);
    }

    @Test
    void greyAndTransparentSourcesAreNormalised() throws IOException {
        BufferedImage grey = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        assertEquals(new Dimensions(300, 300), maker.make(master(TestImages.encode(grey, "png")), dir.resolve("g"), BOXES).size());
        BufferedImage alpha = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        assertEquals(new Dimensions(300, 200), maker.make(master(TestImages.encode(alpha, "png")), dir.resolve("a"), BOXES).size());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws IOException {
        ImageTooLargeException refused = assertThrows(ImageTooLargeException.class,
                () -> maker.make(master(Fixtures.pngBomb(100_000, 100_000)), dir.resolve("out"), BOXES));
        assertTrue(refused.getMessage().contains("10000000000 pixels"), refused.getMessage());
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

    @Test
    void aStripedTiffReadBandByBandGivesTheSamePyramidAsOneDecodedWhole() throws Exception {
        BufferedImage source = TestImages.grid(1500, 1100);
        Path striped = master(TestImages.encode(source, "tiff"));
        Path byRegion = dir.resolve("by-region.tif");
        Path whole = dir.resolve("whole.tif");
        try (var input = javax.imageio.ImageIO.createImageInputStream(striped.toFile());
             BandSource bands = new RegionSource(ImageDecoder.readerFor(ImageFormat.TIFF, input))) {
            PyramidWriter.Pyramid pyramid = PyramidWriter.write(bands, byRegion, 0.9f, dir);
            assertEquals(List.of(new Dimensions(1500, 1100), new Dimensions(750, 550), new Dimensions(375, 275),
                    new Dimensions(188, 138)), pyramid.levels());
            assertEquals(1500, pyramid.overview().getWidth());
        }
        PyramidWriter.write(source, whole, 0.9f);
        PyramidIndex a = PyramidIndex.read(byRegion);
        PyramidIndex b = PyramidIndex.read(whole);
        assertEquals(b.levels(), a.levels());
        for (PyramidLevel level : a.levels()) {
            Rectangle all = new Rectangle(0, 0, 1500, 1100);
            BufferedImage x = PyramidReader.render(byRegion, a, all, level.width(), level.height());
            BufferedImage y = PyramidReader.render(whole, b, all, level.width(), level.height());
            assertTrue(TestImages.meanDifference(x, y) < 0.5, "level " + level.index());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".raw")), "scratch levels are removed");
        }
    }

    @Test
    void halvingAveragesTwoByTwoBlocks() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, 100);
        image.getRaster().setSample(1, 0, 0, 200);
        image.getRaster().setSample(2, 0, 0, 50);
        BufferedImage half = Rasters.halve(image);
        assertEquals(2, half.getWidth());
        assertEquals(150, half.getRaster().getSample(0, 0, 0));
        assertEquals(50, half.getRaster().getSample(1, 0, 0));
    }
}
