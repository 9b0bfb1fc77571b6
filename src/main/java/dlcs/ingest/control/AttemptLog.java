package dlcs.ingest.control;

import dlcs.ingest.entity.BatchMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Remembers, each in a transaction of its own, that an attempt began and why one failed: the
 * message's transaction may roll back, and these must survive it (the sweep reads the first,
 * the dead-letter handler reports the second).
 */
@ApplicationScoped
public class AttemptLog {

    @PersistenceContext
    EntityManager em;

    /**
     * A worker begins an attempt: recorded at once, in a transaction of its own, so that the sweep
     * sees the member in hand. A bulk update leaves the member's version alone, so the attempt's
     * own transaction, which read the member before, still commits.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void begin(String memberKey) {
        em.createQuery("update BatchMember m set m.attemptStarted = :now where m.key = :k")
                .setParameter("now", Instant.now()).setParameter("k", memberKey).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String memberKey, String reason) {
        BatchMember member = em.find(BatchMember.class, memberKey);
        if (member != null) {
            member.attempt(reason);
        }
    }
}
