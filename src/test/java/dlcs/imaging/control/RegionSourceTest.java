package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import dlcs.imaging.entity.Dimensions;
import dlcs.imaging.entity.ImageFormat;
import dlcs.imaging.entity.PyramidLevel;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master read band by band through its ImageIO reader. */
class RegionSourceTest {

    @TempDir
    Path dir;

    @Test
    void aStripedTiffReadBandByBandGivesTheSamePyramidAsOneDecodedWhole() throws Exception {
        BufferedImage source = TestImages.grid(1500, 1100);
        Path striped = Files.write(dir.resolve("striped.tif"), TestImages.encode(source, "tiff"));
        Path byRegion = dir.resolve("by-region.tif");
        Path whole = dir.resolve("whole.tif");
        try (ImageInputStream input = ImageIO.createImageInputStream(striped.toFile());
             BandSource bands = new RegionSource(ImageDecoder.readerFor(ImageFormat.TIFF, input))) {
            PyramidWriter.Pyramid pyramid = PyramidWriter.write(bands, byRegion, 0.9f, dir);
            assertEquals(List.of(new Dimensions(1500, 1100), new Dimensions(750, 550), new Dimensions(375, 275),
                    new Dimensions(188, 138)), pyramid.levels());
            assertEquals(1500, pyramid.overview().getWidth());
        }
        TestPyramids.write(source, whole);
        PyramidIndex a = PyramidIndex.read(byRegion);
        PyramidIndex b = PyramidIndex.read(whole);
        assertEquals(b.levels(), a.levels());
        for (PyramidLevel level : a.levels()) {
            Rectangle all = new Rectangle(0, 0, 1500, 1100);
            BufferedImage x = TestPyramids.render(byRegion, a, all, level.width(), level.height());
            BufferedImage y = TestPyramids.render(whole, b, all, level.width(), level.height());
            assertTrue(TestImages.meanDifference(x, y) < 0.5, "level " + level.index());
        }
    }
}
