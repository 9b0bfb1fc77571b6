package dlcs.iiif.control;

import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.entity.Dimensions;
import dlcs.imaging.entity.PyramidLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A finished image as delivery sees it: where its derivative is, the index of its pyramid and
 * its thumbnails (largest first), the version that tags its responses, and what anonymous
 * callers may have of it.
 */
public record ServedImage(long customer, int space, String imageId, Path directory, PyramidIndex pyramid,
                          List<Dimensions> thumbnails, Instant modified, String version, Restriction restriction) {

    public List<PyramidLevel> levels() {
        return pyramid.levels();
    }

    public int width() {
        return pyramid.full().width();
    }

    public int height() {
        return pyramid.full().height();
    }

    public Path pyramidFile() {
        return DerivativeFiles.pyramid(directory);
    }
}
