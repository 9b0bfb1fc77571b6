package dlcs.registration.control;

import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.entity.DerivativeBytes;
import dlcs.storage.control.DerivativeLocation;
import dlcs.storage.control.DerivativeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Images whose derivatives were made by a release that did not record their sizes: until
 * measured they do not count in their customer's usage. Housekeeping measures them in the
 * background, a bounded number at a time, after each start; once none is left, nothing is
 * looked for again until the next start, because every ingest since records its sizes.
 * Measuring lists only the versions of those images, never the whole store.
 */
@ApplicationScoped
public class UnmeasuredImages {

    private static final Logger LOG = Logger.getLogger(UnmeasuredImages.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ImageStore images;

    @Inject
    DerivativeStore storage;

    /** Once no image is left to measure, there will be none until the next start (with an older release's data). */
    private volatile boolean done;

    /** Measures and counts up to {@code max} such images; returns how many were looked at (0 once all are done). */
    public int measureSome(int max) {
        if (done) {
            return 0;
        }
        List<Object[]> rows = em.createQuery("select i.key, i.customer, i.space, i.imageId, i.storageVersion"
                        + " from Image i where i.storageVersion is not null and i.derivativeBytes is null"
                        + " order by i.key", Object[].class)
                .setMaxResults(max).getResultList();
        for (Object[] row : rows) {
            DerivativeLocation location = new DerivativeLocation((Long) row[1], (Integer) row[2], (String) row[3],
                    (String) row[4]);
            images.recordMeasured((String) row[0], location.version(), measure(location));
        }
        if (rows.size() < max) {
            done = true;
        }
        if (!rows.isEmpty()) {
            LOG.info("Measured the derivatives of " + rows.size() + " images registered before sizes were recorded.");
        }
        return rows.size();
    }

    /** The bytes of a version; a version that cannot be read counts as nothing, rather than being measured again forever. */
    private DerivativeBytes measure(DerivativeLocation location) {
        try {
            return DerivativeFiles.measure(storage.open(location).files());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not measure " + location.path() + "; it counts as 0 bytes", e);
            return new DerivativeBytes(0, 0);
        }
    }
}
