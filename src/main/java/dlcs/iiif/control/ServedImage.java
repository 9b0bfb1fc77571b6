package dlcs.iiif.control;

import dlcs.imaging.entity.PyramidLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A finished image as delivery sees it: where its derivative is and what it holds. */
public record ServedImage(long customer, int space, String imageId, Path directory, List<PyramidLevel> levels,
                          Instant modified, String version) {

    public int width() {
        return levels.get(0).width();
    }

    public int height() {
        return levels.get(0).height();
    }
}
