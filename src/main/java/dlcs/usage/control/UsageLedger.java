package dlcs.usage.control;

import dlcs.common.InvalidInputException;
import dlcs.imaging.entity.DerivativeBytes;
import dlcs.persistence.DatabaseClock;
import dlcs.usage.entity.StoragePolicy;
import dlcs.usage.entity.StorageUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * The one place usage figures move, always inside the caller's transaction (the one that
 * records or deletes the derivative), so that the figures change exactly when the images do.
 * Every change takes the customer's row lock first: concurrent registrations of one customer
 * are checked against its policy one after another, and cannot together overshoot a limit.
 * The figures move by SQL increments, so no update is lost. Callers lock the image row before
 * calling (by writing it), so locks are always taken image first, then customer, then space.
 */
@ApplicationScoped
public class UsageLedger {

    private static final Logger LOG = Logger.getLogger(UsageLedger.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    UsageRows rows;

    @Inject
    StoragePolicies policies;

    /**
     * Refuses, before anything is fetched, an image that would be one too many for its customer;
     * {@code newImage} is false for an image already counted (a re-ingest). Without a lock: the
     * binding check is the one in {@link #replace}.
     */
    public void admit(long customer, boolean newImage) {
        if (newImage) {
            StorageUsage usage = of(customer, StorageUsage.WHOLE_CUSTOMER);
            policies.governing(usage).refusal(usage, 1, 0).ifPresent(reason -> {
                throw new QuotaExceededException(reason);
            });
        }
    }

    /**
     * An image of {@code space} now stores {@code after}, instead of {@code before} (empty when it
     * was not counted: a new image): checked against the customer's policy, then counted.
     *
     * @throws QuotaExceededException before anything changes, if the policy does not allow it
     */
    public void replace(long customer, int space, DerivativeBytes before, DerivativeBytes after) {
        StorageUsage usage = lock(customer, space);
        int newImages = before == null ? 1 : 0;
        long growth = after.derivative() - (before == null ? 0 : before.derivative());
        StoragePolicy policy = policies.governing(usage);
        policy.refusal(usage, newImages, growth).ifPresent(reason -> {
            throw new QuotaExceededException(reason);
        });
        change(customer, space, newImages, growth,
                after.thumbnails() - (before == null ? 0 : before.thumbnails()));
    }

    /** Counts an image that was stored before sizes were recorded, now measured; no policy refuses what is there. */
    public void count(long customer, int space, DerivativeBytes measured) {
        lock(customer, space);
        change(customer, space, 1, measured.derivative(), measured.thumbnails());
    }

    /** An image that counted with {@code counted} is deleted. */
    public void remove(long customer, int space, DerivativeBytes counted) {
        change(customer, space, -1, -counted.derivative(), -counted.thumbnails());
    }

    /** Puts {@code customer} under the storage policy {@code policy} (an administrator's decision). */
    @Transactional
    public StorageUsage govern(long customer, String policy) {
        if (policies.find(policy).isEmpty()) {
            throw new InvalidInputException("There is no storage policy '" + policy + "'; the policies are listed at"
                    + " /storagePolicies.");
        }
        StorageUsage usage = lock(customer, StorageUsage.WHOLE_CUSTOMER);
        usage.governBy(policy);
        return usage;
    }

    /** The figures of a customer ({@link StorageUsage#WHOLE_CUSTOMER}) or a space; zeros if nothing was stored yet. */
    public StorageUsage of(long customer, int space) {
        StorageUsage found = em.find(StorageUsage.class, StorageUsage.keyOf(customer, space));
        return found != null ? found : StorageUsage.empty(customer, space);
    }

    /** The customer's row, created if need be and locked until the caller's transaction ends. */
    StorageUsage lock(long customer, int space) {
        if (missing(customer, space)) {
            rows.create(customer, space);
        }
        StorageUsage usage = em.find(StorageUsage.class, StorageUsage.keyOf(customer, StorageUsage.WHOLE_CUSTOMER),
                LockModeType.PESSIMISTIC_WRITE);
        if (usage == null) {
            throw new IllegalStateException("The usage row of customer " + customer + " could not be created.");
        }
        em.refresh(usage);
        return usage;
    }

    private boolean missing(long customer, int space) {
        return em.find(StorageUsage.class, StorageUsage.keyOf(customer, StorageUsage.WHOLE_CUSTOMER)) == null
                || em.find(StorageUsage.class, StorageUsage.keyOf(customer, space)) == null;
    }

    private void change(long customer, int space, long images, long bytes, long thumbnails) {
        int changed = em.createQuery("update StorageUsage u set"
                        + " u.numberOfStoredImages = u.numberOfStoredImages + :n,"
                        + " u.totalSizeOfStoredImages = u.totalSizeOfStoredImages + :b,"
                        + " u.totalSizeOfThumbnails = u.totalSizeOfThumbnails + :t,"
                        + " u.lastCalculated = :now where u.key in :keys")
                .setParameter("n", images).setParameter("b", bytes).setParameter("t", thumbnails)
                .setParameter("now", DatabaseClock.now())
                .setParameter("keys", List.of(StorageUsage.keyOf(customer, StorageUsage.WHOLE_CUSTOMER),
                        StorageUsage.keyOf(customer, space)))
                .executeUpdate();
        if (changed != 2) {
            LOG.warning("Usage of customer " + customer + ", space " + space + " has " + changed
                    + " of its 2 rows; the change (" + images + " images, " + bytes + " bytes) is not fully counted.");
        }
    }
}
