package dlcs.iiif.control;

import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidBytes;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.entity.Dimensions;
import dlcs.imaging.entity.PyramidLevel;
import dlcs.storage.control.StoredDerivative;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A finished image as delivery sees it: its stored derivative, the index of its pyramid and its
 * thumbnails (largest first), the version that tags its responses, and what anonymous callers
 * may have of it.
 */
public record ServedImage(long customer, int space, String imageId, StoredDerivative stored, PyramidIndex pyramid,
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

    /** The pyramid file's bytes, read by range from wherever the derivative is stored. */
    public PyramidBytes pyramidBytes() throws IOException {
        return pyramidBytes(stored);
    }

    /** The pyramid of a stored derivative, named by its version's place in the store. */
    static PyramidBytes pyramidBytes(StoredDerivative stored) throws IOException {
        return new PyramidBytes(stored.location().path() + "/" + DerivativeFiles.PYRAMID,
                stored.size(DerivativeFiles.PYRAMID),
                (position, length) -> stored.read(DerivativeFiles.PYRAMID, position, length));
    }
}
