package dlcs.ingest.control;

import dlcs.common.UnknownResourceException;
import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.MemberTally;
import dlcs.persistence.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Testing a batch, the DLCS's {@code POST .../batches/{b}/test}: its counters are compared with
 * its members, and corrected where they have drifted apart, with {@code finished} set or cleared
 * to match. The batch's row is read from the database, not the cache, and locked first: a
 * worker counts a member in the same transaction that changes the member's status, and that
 * increment needs the row, so while the lock is held every committed member and counter agree,
 * and no increment is overwritten.
 */
@ApplicationScoped
public class BatchCheck {

    @PersistenceContext
    EntityManager em;

    @Inject
    BatchStore batches;

    /** What a test found: whether the counts agreed with the members, and whether anything was corrected. */
    public record Outcome(boolean countsAgreed, boolean corrected) {
    }

    @Transactional
    public Outcome test(long customer, long batchId) {
        Batch batch = em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE,
                Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS));
        if (batch == null || batch.customer() != customer) {
            throw new UnknownResourceException("Customer " + customer + " has no batch " + batchId + ".");
        }
        MemberTally tally = batches.tally(batchId);
        boolean agreed = tally.agreesWith(batch);
        if (!agreed) {
            em.createQuery("update Batch b set b.count = :n, b.completed = :c, b.errors = :e,"
                            + " b.supersededCount = :s where b.id = :id")
                    .setParameter("n", tally.count()).setParameter("c", tally.completed())
                    .setParameter("e", tally.errors()).setParameter("s", tally.superseded())
                    .setParameter("id", batchId).executeUpdate();
        }
        boolean finishedChanged = false;
        if (tally.allAccounted() && batch.finished() == null) {
            finishedChanged = em.createQuery("update Batch b set b.finished = :now where b.id = :id")
                    .setParameter("now", DatabaseClock.now()).setParameter("id", batchId).executeUpdate() > 0;
        } else if (!tally.allAccounted() && batch.finished() != null) {
            finishedChanged = em.createQuery("update Batch b set b.finished = null where b.id = :id")
                    .setParameter("id", batchId).executeUpdate() > 0;
        }
        return new Outcome(agreed, !agreed || finishedChanged);
    }
}
