package dlcs.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcs.imaging.TestImages;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * JPEG masters that libjpeg-turbo decodes to planes ({@link NativePlanes}): every level of their
 * pyramid looks as the one written from the same master decoded to pixels by ImageIO, whatever
 * the master's chroma subsampling, and the true-size edge tiles are there. Skipped without
 * libturbojpeg (CI has it).
 */
class JpegMasterPyramidTest {

    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    @TempDir
    Path dir;

    @Test
    void everyLevelMatchesThePyramidWrittenFromPixelsWhateverTheSubsampling() throws IOException {
        assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        BufferedImage source = photoLike(1001, 603);
        // luma sampling factors: 4:4:4, 4:2:2, 4:4:0, 4:2:0
        int[][] factors = {{1, 1}, {2, 1}, {1, 2}, {2, 2}};
        for (int[] factor : factors) {
            comparePyramids(jpeg(source, factor[0], factor[1], null), factor[0] + "x" + factor[1]);
        }
        BufferedImage grey = new BufferedImage(517, 300, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(source, 0, 0, null);
        comparePyramids(jpeg(grey, 1, 1, null), "grey");
    }

    @Test
    void aMasterWithAnIccProfileGetsThePyramidImageIoColoursGiveIt() throws IOException {
        assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        comparePyramids(jpeg(photoLike(400, 300), 2, 2, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)), "icc");
    }

    @Test
    void aJpegFileTooLargeToReadWholeStreamsThroughImageIoInstead() throws IOException {
        assumeTrue(TurboJpeg.get() != null, "libturbojpeg is not installed");
        // a small image followed by a hole: the file is large, the picture is not
        Path master = Files.write(dir.resolve("padded.jpg"), jpeg(photoLike(400, 300), 2, 2, null));
        long size = DerivativeMaker.MAX_JPEG_BYTES_IN_MEMORY + 16 * 1024 * 1024;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(master.toFile(), "rw")) {
            file.setLength(size);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        TestMakers.configured().make(master, dir.resolve("padded"), List.of(200));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < DerivativeMaker.MAX_JPEG_BYTES_IN_MEMORY,
                "the file was not read onto the heap whole: " + allocated + " bytes allocated");
    }

    private void comparePyramids(byte[] master, String what) throws IOException {
        Path planes = dir.resolve(what);
        TestMakers.configured().make(Files.write(dir.resolve(what + ".jpg"), master), planes, List.of(200));
        Path pixels = dir.resolve(what + "-pixels.tif");
        BufferedImage decoded = Rasters.normalise(ImageIO.read(new ByteArrayInputStream(master)));
        PyramidWriter.write(new DecodedSource(decoded), pixels, 0.85f, dir);
        Path pyramid = DerivativeFiles.pyramid(planes);
        PyramidIndex planesIndex = PyramidIndex.read(pyramid);
        PyramidIndex pixelsIndex = PyramidIndex.read(pixels);
        assertEquals(pixelsIndex.levels(), planesIndex.levels(), what);
        BufferedImage reference = decoded;
        Rectangle whole = new Rectangle(0, 0, decoded.getWidth(), decoded.getHeight());
        for (var level : planesIndex.levels()) {
            BufferedImage fromPlanes = TestPyramids.render(pyramid, planesIndex, whole, level.width(), level.height());
            BufferedImage fromPixels = TestPyramids.render(pixels, pixelsIndex, whole, level.width(), level.height());
            double planesError = TestImages.meanDifference(reference, fromPlanes);
            double pixelsError = TestImages.meanDifference(reference, fromPixels);
            assertTrue(planesError < pixelsError + 0.25, what + " " + level + ": " + planesError + " from the master, "
                    + pixelsError + " by the pixel route");
            reference = Rasters.halve(reference);
        }
        // the corner tile, cut by both edges, as the server sends it: its true-size copy
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        Rectangle corner = new Rectangle(w / 256 * 256, h / 256 * 256, w % 256, h % 256);
        BufferedImage expected = decoded.getSubimage(corner.x, corner.y, corner.width, corner.height);
        double planesError = TestImages.meanDifference(expected,
                TestPyramids.render(pyramid, planesIndex, corner, corner.width, corner.height));
        double pixelsError = TestImages.meanDifference(expected,
                TestPyramids.render(pixels, pixelsIndex, corner, corner.width, corner.height));
        assertTrue(planesError < pixelsError + 0.25, what + " corner tile: " + planesError + " from the master, "
                + pixelsError + " by the pixel route");
    }

    /** Colour gradients with fine detail: chroma that subsampling changes. */
    private static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = x * 255 / width;
                int g = y * 255 / height;
                int b = (x / 7 + y / 5) % 2 == 0 ? 100 : 140;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /** {@code image} as a JPEG whose luma has the given sampling factors, with {@code icc} embedded if not null. */
    private static byte[] jpeg(BufferedImage image, int h, int v, ICC_Profile icc) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        NodeList components = tree.getElementsByTagName("componentSpec");
        for (int i = 0; i < components.getLength(); i++) {
            IIOMetadataNode component = (IIOMetadataNode) components.item(i);
            component.setAttribute("HsamplingFactor", Integer.toString(i == 0 ? h : 1));
            component.setAttribute("VsamplingFactor", Integer.toString(i == 0 ? v : 1));
        }
        if (icc != null) {
            IIOMetadataNode app2 = new IIOMetadataNode("app2ICC");
            app2.setUserObject(icc);
            ((IIOMetadataNode) tree.getElementsByTagName("app0JFIF").item(0)).appendChild(app2);
        }
        metadata.setFromTree(FORMAT, tree);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
