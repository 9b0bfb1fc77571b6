package dlcs.registration.control;

import dlcs.registration.entity.Image;
import dlcs.storage.control.DerivativeStore;
import dlcs.storage.control.DerivativeStore.StoredVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Derivative versions that no image serves: left by a process killed between writing a version
 * and recording it, or before deleting the one it replaced. Deleted once they have not changed
 * for a while, so that a version still being written, not yet recorded, is never touched.
 */
@ApplicationScoped
public class OrphanVersions {

    private static final Logger LOG = Logger.getLogger(OrphanVersions.class.getName());
    private static final int CHUNK = 500;

    @Inject
    DerivativeStore storage;

    @Inject
    ImageStore images;

    /** Deletes the versions, unchanged since {@code before}, that their image does not serve; returns how many. */
    public int sweep(Instant before) {
        List<StoredVersion> chunk = new ArrayList<>();
        int[] deleted = {0};
        storage.forEachVersion(version -> {
            if (version.modified().isBefore(before)) {
                chunk.add(version);
                if (chunk.size() == CHUNK) {
                    deleted[0] += deleteUnserved(chunk);
                    chunk.clear();
                }
            }
        });
        deleted[0] += deleteUnserved(chunk);
        if (deleted[0] > 0) {
            LOG.info("Deleted " + deleted[0] + " derivative versions that no image serves.");
        }
        return deleted[0];
    }

    private int deleteUnserved(List<StoredVersion> versions) {
        Map<String, String> serving = images.servingVersions(versions.stream().map(OrphanVersions::imageKey).toList());
        int deleted = 0;
        for (StoredVersion version : versions) {
            if (!version.location().version().equals(serving.get(imageKey(version)))) {
                storage.delete(version.location());
                deleted++;
            }
        }
        return deleted;
    }

    private static String imageKey(StoredVersion version) {
        return Image.keyOf(version.location().customer(), version.location().space(), version.location().imageId());
    }
}
