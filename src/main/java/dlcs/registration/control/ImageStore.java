package dlcs.registration.control;

import dlcs.common.UnknownResourceException;
import dlcs.imaging.entity.Derivative;
import dlcs.imaging.entity.DerivativeBytes;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import dlcs.registration.entity.Space;
import dlcs.storage.control.DerivativeLocation;
import dlcs.storage.control.DerivativeStore;
import dlcs.usage.control.QuotaExceededException;
import dlcs.usage.control.UsageLedger;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Image rows: the short transactions that record an ingest (immediate or queued, through
 * {@link #recordDerivative}), change and delete images; the listings are {@link ImageListings}.
 */
@ApplicationScoped
public class ImageStore {

    /** Keys bound in one query: far below any database's limit on parameters. */
    static final int KEYS_PER_QUERY = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ImageTakenOver> takenOver;

    @Inject
    Event<ImageChanged> changed;

    @Inject
    DerivativeStore storage;

    @Inject
    UsageLedger usage;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The outcome of an immediate registration: the image as stored, and whether it is new. */
    public record Saved(Image image, boolean created) {
    }

    public Optional<Image> find(long customer, int space, String imageId) {
        return Optional.ofNullable(em.find(Image.class, Image.keyOf(customer, space, imageId)));
    }

    public Image get(long customer, int space, String imageId) {
        return find(customer, space, imageId).orElseThrow(() -> new UnknownResourceException(
                "Space " + space + " of customer " + customer + " has no image '" + imageId + "'."));
    }

    /**
     * Records an immediate registration: the image (created if new) takes the new metadata, leaves
     * any batch that held it, and serves {@code prepared} from now on.
     */
    @Transactional
    public Saved saveFinished(Space space, String imageId, ImageMetadata metadata, PreparedDerivative prepared,
                              boolean replaceMetadata) {
        Image image = em.find(Image.class, Image.keyOf(space.customer(), space.number(), imageId));
        boolean created = image == null;
        if (created) {
            image = new Image(space.customer(), space.number(), imageId);
            em.persist(image);
        }
        if (created || replaceMetadata) {
            image.register(metadata, space);
        } else {
            image.amend(metadata);
        }
        releaseFromBatch(image);
        // the image row is written (and locked) before the customer's usage row, as on every path
        em.flush();
        recordDerivative(image, prepared);
        em.flush();
        return new Saved(image, created);
    }

    /**
     * The images that exist of those {@code keys} ("customer/space/id") name, by key (keys that
     * name no image are left out), read a few hundred to a query: accepting a batch of a thousand
     * reads its images in a few round trips rather than one each.
     */
    public Map<String, Image> findAll(Collection<String> keys) {
        Map<String, Image> found = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            em.createQuery("select i from Image i where i.key in :keys", Image.class)
                    .setParameter("keys", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)))
                    .getResultList().forEach(image -> found.put(image.key(), image));
        }
        return found;
    }

    /**
     * Queues {@code imageId} for {@code batch}: the image (created if new) takes the metadata now,
     * leaves the batch that held it before, and is marked ingesting until a worker gets to it.
     * {@code existing} holds the batch's images that exist ({@link #findAll}), by key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Image queue(Space space, String imageId, ImageMetadata metadata, long batch, Map<String, Image> existing) {
        Image image = existing.get(Image.keyOf(space.customer(), space.number(), imageId));
        if (image == null) {
            image = new Image(space.customer(), space.number(), imageId);
            em.persist(image);
        } else {
            releaseFromBatch(image);
        }
        image.queue(metadata, space, batch);
        changed(image);
        return image;
    }

    /**
     * The one way an ingest ends well, immediate or queued: {@code image} (managed, its row
     * locked or written in the caller's transaction) serves {@code prepared} from now on, and its
     * customer's usage counts it, the bytes of the version it replaces taken off. Returns the
     * version it replaced, if any; that version is deleted once the transaction commits, and
     * {@code prepared} is deleted instead if it rolls back, so that exactly one version stays on
     * disk either way.
     *
     * @throws QuotaExceededException before anything changes, if the customer's storage policy does
     *         not allow it; the caller's transaction may go on (to record the failure)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = QuotaExceededException.class)
    public Optional<DerivativeLocation> recordDerivative(Image image, PreparedDerivative prepared) {
        Derivative derivative = prepared.derivative();
        DerivativeLocation written = prepared.location();
        usage.replace(image.customer(), image.space(), image.storedBytes().orElse(null), prepared.bytes());
        String previous = image.finishIngest(derivative.size().width(), derivative.size().height(),
                derivative.sourceFormat().mediaType(), written.version(), prepared.bytes());
        Optional<DerivativeLocation> replaced = previous == null || previous.equals(written.version())
                ? Optional.empty() : Optional.of(new DerivativeLocation(written.customer(), written.space(),
                        written.imageId(), previous));
        afterCompletion(() -> replaced.ifPresent(storage::delete), () -> storage.delete(written));
        if (previous != null) {
            changed(image);
        }
        return replaced;
    }

    /** Changes metadata only; the derivative stays as it is. */
    @Transactional
    public Image amend(long customer, int space, String imageId, ImageMetadata metadata) {
        Image image = get(customer, space, imageId);
        image.amend(metadata);
        changed(image);
        return image;
    }

    /**
     * The one way an image is deleted, alone or in a bulk deletion (in the caller's transaction):
     * the row goes, its batch lets it go, its customer's usage stops counting it, and its
     * derivative versions are removed once the transaction commits (a rollback leaves them serving).
     */
    @Transactional
    public Image delete(long customer, int space, String imageId) {
        Image image = get(customer, space, imageId);
        releaseFromBatch(image);
        changed(image);
        em.remove(image);
        // the image row first, then the customer's usage row, as on every path
        em.flush();
        image.storedBytes().ifPresent(counted -> usage.remove(customer, space, counted));
        afterCompletion(() -> storage.deleteAll(customer, space, imageId), () -> {
        });
        return image;
    }

    /**
     * Records the measured sizes of the derivative {@code version} of {@code key}, and counts the
     * image in its customer's usage; nothing if the image is gone, serves another version by
     * now, or was counted meanwhile.
     */
    @Transactional
    public void recordMeasured(String key, String version, DerivativeBytes measured) {
        Image image = em.find(Image.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || !version.equals(image.storageVersion()) || image.storedBytes().isPresent()) {
            return;
        }
        image.measured(measured);
        em.flush();
        usage.count(image.customer(), image.space(), measured);
    }

    /** The version each image serves, by image key; an image without a derivative maps to "". */
    public Map<String, String> servingVersions(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select i.key, i.storageVersion from Image i where i.key in :keys", Object[].class)
                .setParameter("keys", keys).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> row[1] == null ? "" : (String) row[1]));
    }

    /** Files change only once the transaction's outcome is known: {@code committed} or {@code rolledBack} runs then. */
    private void afterCompletion(Runnable committed, Runnable rolledBack) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do until the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                (status == Status.STATUS_COMMITTED ? committed : rolledBack).run();
            }
        });
    }

    /**
     * Tells those who keep what they know of {@code image} that it is being changed or deleted;
     * nothing is kept of an image that has never served a version (a new one, above all: a batch
     * of new images announces nothing).
     */
    private void changed(Image image) {
        if (image.isServable()) {
            this.changed.fire(new ImageChanged(image.customer(), image.space(), image.imageId()));
        }
    }

    /** A batch that held {@code image} lets it go: the image is being registered again, or deleted. */
    private void releaseFromBatch(Image image) {
        Long heldBy = image.releaseFromBatch();
        if (heldBy != null) {
            takenOver.fire(new ImageTakenOver(image.key(), heldBy));
        }
    }
}
