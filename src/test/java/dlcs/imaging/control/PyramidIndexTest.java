package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of a stored pyramid: its levels, and where each tile lies. */
class PyramidIndexTest {

    @TempDir
    Path dir;

    @Test
    void theIndexHasEveryLevelAndTile() throws IOException {
        Path pyramid = dir.resolve("image.tif");
        TestPyramids.write(TestImages.grid(1000, 800), pyramid);
        PyramidIndex index = PyramidIndex.read(pyramid);
        assertEquals(3, index.levels().size(), "1000x800, 500x400, and 250x200, which fits in one tile");
        assertEquals(250, index.levels().get(2).width());
        assertEquals(200, index.levels().get(2).height());
        assertEquals(4, index.columns(0));
        assertFalse(index.grey());
    }

    @Test
    void aTileIsReadFromWhereTheIndexSaysItLies() throws IOException {
        Path pyramid = dir.resolve("image.tif");
        BufferedImage source = TestImages.grid(1000, 800);
        TestPyramids.write(source, pyramid);
        PyramidIndex index = PyramidIndex.read(pyramid);
        PyramidBytes file = PyramidBytes.of(pyramid);
        BufferedImage tile = ImageIO.read(new ByteArrayInputStream(index.tile(file, 0, 2, 1)));
        assertTrue(TestImages.meanDifference(source.getSubimage(512, 256, 256, 256), tile) < 3);
        assertTrue(index.hasEdgeTile(0, 3, 3));
        assertFalse(index.hasEdgeTile(0, 2, 1), "a whole tile has no true-size copy");
        BufferedImage corner = ImageIO.read(new ByteArrayInputStream(index.edgeTile(file, 0, 3, 3)));
        assertEquals(232, corner.getWidth());
        assertEquals(32, corner.getHeight());
    }

    @Test
    void aGreyPyramidSaysSo() throws IOException {
        Path pyramid = dir.resolve("grey.tif");
        TestPyramids.write(Rasters.grey(TestImages.grid(300, 200)), pyramid);
        assertTrue(PyramidIndex.read(pyramid).grey());
    }
}
