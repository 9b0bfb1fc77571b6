package dlcs.imaging.control;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Pyramids of images made in memory, for tests in any package. */
public final class TestPyramids {

    private TestPyramids() {
    }

    /** Writes all levels of {@code image} to {@code target} at JPEG quality 0.9, as a derivative is written. */
    public static PyramidWriter.Pyramid write(BufferedImage image, Path target) throws IOException {
        return PyramidWriter.write(new DecodedSource(image), target, 0.9f, target.toAbsolutePath().getParent());
    }

    /** {@code region} of a stored pyramid at {@code width} x {@code height}, with no tile cache and no pool. */
    static BufferedImage render(Path pyramid, PyramidIndex index, Rectangle region, int width, int height)
            throws IOException {
        return PyramidReader.render(PyramidBytes.of(pyramid), index, region, width, height, new TileCache(0), PixelArrays.FRESH,
                Deadline.NONE);
    }
}
