package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a stored pyramid: which requests are stored tiles, their bytes, and rendered regions. */
class PyramidReaderTest {

    @TempDir
    Path dir;

    private BufferedImage source;
    private Path pyramid;
    private PyramidIndex index;

    @BeforeEach
    void writePyramid() throws IOException {
        source = TestImages.grid(1000, 800);
        pyramid = dir.resolve("image.tif");
        TestPyramids.write(source, pyramid);
        index = PyramidIndex.read(pyramid);
    }

    @Test
    void wholeTilesOnTheGridAreStoredTiles() {
        assertEquals(Optional.of(new PyramidReader.Tile(0, 0, 0)),
                PyramidReader.storedTile(index, new Rectangle(0, 0, 256, 256), 256, 256));
        assertEquals(Optional.of(new PyramidReader.Tile(0, 2, 1)),
                PyramidReader.storedTile(index, new Rectangle(512, 256, 256, 256), 256, 256));
        assertEquals(Optional.of(new PyramidReader.Tile(1, 0, 0)),
                PyramidReader.storedTile(index, new Rectangle(0, 0, 512, 512), 256, 256));
    }

    @Test
    void tilesCutByTheEdgeAreStoredAtTheirTrueSizeToo() throws IOException {
        assertEquals(Optional.of(new PyramidReader.Tile(0, 3, 0)),
                PyramidReader.storedTile(index, new Rectangle(768, 0, 232, 256), 232, 256));
        assertEquals(Optional.of(new PyramidReader.Tile(1, 1, 0)),
                PyramidReader.storedTile(index, new Rectangle(512, 0, 488, 512), 244, 256),
                "level 1 is 500 wide, so its second column is cut");
        assertEquals(Optional.of(new PyramidReader.Tile(2, 0, 0)),
                PyramidReader.storedTile(index, new Rectangle(0, 0, 1000, 800), 250, 200), "the smallest level");
        BufferedImage corner = ImageIO.read(new ByteArrayInputStream(
                PyramidReader.tileBytes(PyramidBytes.of(pyramid), index, new PyramidReader.Tile(0, 3, 3))));
        assertEquals(232, corner.getWidth());
        assertEquals(32, corner.getHeight());
        assertTrue(TestImages.meanDifference(source.getSubimage(768, 768, 232, 32), corner) < 3);
    }

    @Test
    void offGridRegionsAndOtherSizesAreNotStoredTiles() {
        assertEquals(Optional.empty(), PyramidReader.storedTile(index, new Rectangle(768, 0, 232, 256), 256, 256),
                "an edge tile at the padded size");
        assertEquals(Optional.empty(), PyramidReader.storedTile(index, new Rectangle(768, 0, 200, 256), 200, 256));
        assertEquals(Optional.empty(), PyramidReader.storedTile(index, new Rectangle(10, 0, 256, 256), 256, 256));
        assertEquals(Optional.empty(), PyramidReader.storedTile(index, new Rectangle(0, 0, 256, 256), 128, 128));
        assertEquals(Optional.empty(), PyramidReader.storedTile(index, new Rectangle(0, 0, 512, 512), 512, 512));
    }

    @Test
    void aStoredTileIsAJpegOfThatRegion() throws IOException {
        byte[] jpeg = PyramidReader.tileBytes(PyramidBytes.of(pyramid), index, new PyramidReader.Tile(0, 2, 1));
        assertEquals(0xFF, jpeg[0] & 0xFF);
        assertEquals(0xD8, jpeg[1] & 0xFF);
        BufferedImage tile = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(256, tile.getWidth());
        assertTrue(TestImages.meanDifference(source.getSubimage(512, 256, 256, 256), tile) < 3);
    }

    @Test
    void renderedRegionsAcrossTilesMatchTheSource() throws IOException {
        Rectangle across = new Rectangle(200, 150, 400, 300);
        BufferedImage region = TestPyramids.render(pyramid, index, across, 400, 300);
        assertTrue(TestImages.meanDifference(source.getSubimage(200, 150, 400, 300), region) < 3);
        BufferedImage edge = TestPyramids.render(pyramid, index, new Rectangle(900, 700, 100, 100), 100, 100);
        assertTrue(TestImages.meanDifference(source.getSubimage(900, 700, 100, 100), edge) < 3);
        BufferedImage reduced = TestPyramids.render(pyramid, index, new Rectangle(0, 0, 1000, 800), 250, 200);
        assertTrue(TestImages.meanDifference(Rasters.scale(source, 250, 200), reduced) < 6);
    }

    @Test
    void reducingStraightFromTheTilesIsTheSameAsReducingTheRegionCopiedOut() throws IOException {
        // 700x500 to 400x300: the full level is the smallest with enough pixels, and the region
        // starts inside a tile and spans four tile columns and three rows
        Rectangle unaligned = new Rectangle(123, 77, 700, 500);
        BufferedImage direct = TestPyramids.render(pyramid, index, unaligned, 400, 300);
        BufferedImage copied = TestPyramids.render(pyramid, index, unaligned, 700, 500);
        assertEquals(0, TestImages.meanDifference(Resampler.reduce(copied, 400, 300, PixelArrays.FRESH, Deadline.NONE),
                direct));
        assertTrue(TestImages.meanDifference(Rasters.scale(source.getSubimage(123, 77, 700, 500), 400, 300),
                direct) < 3);
        BufferedImage pooled = PyramidReader.render(PyramidBytes.of(pyramid), index, unaligned, 401, 299, new TileCache(1 << 20),
                new PixelPool(1 << 22).lease(), Deadline.NONE);
        assertEquals(401, pooled.getWidth());
        assertEquals(299, pooled.getHeight());
    }

    @Test
    void regionsReducedOnJpegPlanesMatchThePixelPath() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        Rectangle unaligned = new Rectangle(123, 77, 701, 499);
        TileCache cache = new TileCache(8 << 20);
        for (int[] size : new int[][] {{400, 285}, {401, 284}, {700, 498}}) {
            Planes planes = PyramidReader.renderPlanes(PyramidBytes.of(pyramid), index, unaligned, size[0], size[1], cache,
                    PixelArrays.FRESH, Deadline.NONE);
            assertTrue(planes != null, "4:2:0 tiles and a one-step reduction");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(JpegEncoder.encode(planes, 0.9f)));
            assertEquals(size[0], decoded.getWidth());
            assertEquals(size[1], decoded.getHeight());
            BufferedImage pixels = TestPyramids.render(pyramid, index, unaligned, size[0], size[1]);
            assertTrue(TestImages.meanDifference(pixels, decoded) < 3, "planes and pixels agree");
        }
        assertTrue(PyramidReader.renderPlanes(PyramidBytes.of(pyramid), index, unaligned, 200, 140, cache, PixelArrays.FRESH,
                Deadline.NONE) != null, "from the next level down");
        assertEquals(null, PyramidReader.renderPlanes(PyramidBytes.of(pyramid), index, unaligned, 340, 100, cache, PixelArrays.FRESH,
                Deadline.NONE), "squeezed by more than half one way: left to the pixel path, which reduces in steps");
    }
    @Test
    void regionsWhoseAreaIsTwiceTheOutputOrOneMoreAreReducedOnPlanesToo() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        TileCache cache = new TileCache(8 << 20);
        // each was left to the slower pixel path before: its area at the level drawn from (or
        // that area's chroma) exactly twice the output, or, rounded out to whole pixels, one more
        int[][] cases = {
            {629, 45, 258, 619, 129, 310}, // luma exactly twice across (258 to 129)
            {145, 86, 835, 383, 418, 192}, // its chroma exactly twice down (192 rows to 96)
            {71, 48, 884, 417, 111, 52}, // a level of a quarter: 222 x 105 to 111 x 52, one row more than twice
        };
        for (int[] c : cases) {
            Rectangle region = new Rectangle(c[0], c[1], c[2], c[3]);
            Planes planes = PyramidReader.renderPlanes(PyramidBytes.of(pyramid), index, region, c[4], c[5], cache,
                    PixelArrays.FRESH, Deadline.NONE);
            assertTrue(planes != null, region + " to " + c[4] + "x" + c[5] + " on planes");
            BufferedImage pixels = TestPyramids.render(pyramid, index, region, c[4], c[5]);
            BufferedImage luma = new BufferedImage(c[4], c[5], BufferedImage.TYPE_BYTE_GRAY);
            luma.getRaster().setDataElements(0, 0, c[4], c[5], planes.luma());
            BufferedImage grey = new BufferedImage(c[4], c[5], BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(pixels, 0, 0, null);
            assertTrue(TestImages.meanDifference(grey, luma) < 1, "the same luma as the pixel path for " + region);
            // colour through JPEG both ways: the grid's one-pixel lines differ in their chroma
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            JpegEncoder.write(pixels, encoded, 0.9f);
            assertTrue(TestImages.meanDifference(ImageIO.read(new ByteArrayInputStream(encoded.toByteArray())),
                    ImageIO.read(new ByteArrayInputStream(JpegEncoder.encode(planes, 0.9f)))) < 3,
                    "the same colours, within JPEG's error, for " + region);
        }
    }
}
