package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyramidWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTiledJpegLevelsHalvingDownToOneTile() throws Exception {
        BufferedImage source = TestImages.grid(1000, 700);
        Path tif = dir.resolve("image.tif");

        int levels = TestPyramids.write(source, tif).levels().size();

        assertEquals(3, levels, "1000x700, 500x350, 250x175");
        try (ImageInputStream in = ImageIO.createImageInputStream(tif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            int[][] expected = {{1000, 700}, {500, 350}, {250, 175}};
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(expected[i], new int[]{reader.getWidth(i), reader.getHeight(i)});
                assertEquals(256, reader.getTileWidth(i));
                assertEquals(256, reader.getTileHeight(i));
                TIFFDirectory ifd = TIFFDirectory.createFromMetadata(reader.getImageMetadata(i));
                TIFFField compression = ifd.getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION);
                assertEquals(BaselineTIFFTagSet.COMPRESSION_JPEG, compression.getAsInt(0));
                TIFFField subfile = ifd.getTIFFField(BaselineTIFFTagSet.TAG_NEW_SUBFILE_TYPE);
                int subfileType = subfile == null ? 0 : subfile.getAsInt(0);
                assertEquals(i == 0 ? 0 : 1, subfileType, "level " + i);
            }
            BufferedImage level1 = reader.read(1);
            assertTrue(TestImages.meanDifference(Rasters.halve(source), level1) < 4,
                    "level 1 matches the halved source within JPEG tolerance");
        }
    }

    @Test
    void theScratchFilesOfReducedLevelsAreRemoved() throws Exception {
        TestPyramids.write(TestImages.grid(1000, 700), dir.resolve("image.tif"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("image.tif")), files.toList());
        }
    }
}
