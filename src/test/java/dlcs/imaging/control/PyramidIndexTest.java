package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** {@code image} written as a pyramid, read through a counter of the ranges asked for, as a store would be. */
    private static PyramidBytes counted(BufferedImage image, Path pyramid, List<long[]> ranges) throws IOException {
        TestPyramids.write(image, pyramid);
        PyramidBytes file = PyramidBytes.of(pyramid);
        return new PyramidBytes(file.id(), file.size(), (position, length) -> {
            ranges.add(new long[] {position, length});
            return file.ranges().read(position, length);
        });
    }

    @Test
    void theIndexOfALargePyramidTakesAFewBlockReadsAndATileOneExactRange() throws IOException {
        Path pyramid = dir.resolve("large.tif");
        List<long[]> ranges = new ArrayList<>();
        PyramidBytes file = counted(TestImages.grid(6000, 4000), pyramid, ranges);

        PyramidIndex index = PyramidIndex.read(file);

        assertEquals(PyramidIndex.read(pyramid).levels(), index.levels());
        assertTrue(index.levels().size() >= 5, "levels: " + index.levels().size());
        assertTrue(ranges.size() <= index.levels().size() + 3, "reads for the header, the directories and the"
                + " trailer: " + ranges.size() + " for " + Files.size(pyramid) + " bytes");
        for (long[] range : ranges) {
            assertEquals(0, range[0] % IndexBlocks.BLOCK, "whole blocks only");
            assertTrue(range[1] <= IndexBlocks.BLOCK);
        }
        ranges.clear();
        byte[] tile = PyramidReader.tileBytes(file, index, new PyramidReader.Tile(0, 5, 3));
        assertEquals(1, ranges.size(), "a stored tile is one ranged read");
        assertEquals(tile.length, ranges.get(0)[1], "of exactly its bytes");
        assertArrayEquals(PyramidReader.tileBytes(PyramidBytes.of(pyramid), index, new PyramidReader.Tile(0, 5, 3)),
                tile);
    }

    @Test
    void aRangeOutsideTheFileIsRefusedBeforeAnythingIsRead() throws IOException {
        List<long[]> ranges = new ArrayList<>();
        PyramidBytes file = counted(TestImages.grid(300, 200), dir.resolve("small.tif"), ranges);
        assertThrows(IOException.class, () -> file.read(file.size() - 1, 2));
        assertThrows(IOException.class, () -> file.read(-1, 1));
        assertThrows(IOException.class, () -> new IndexBlocks(file).read(file.size() - 3, 4, ByteOrder.BIG_ENDIAN));
        assertEquals(0, ranges.size());
    }
}
