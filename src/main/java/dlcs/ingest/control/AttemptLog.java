package dlcs.ingest.control;

import dlcs.ingest.entity.BatchMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
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
     * sees the member in hand. Plain SQL, because EclipseLink moves an entity's version on a JPQL
     * bulk update, and a batch taking the image over at that moment would then fail on it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void begin(String memberKey) {
        em.createNativeQuery("UPDATE BATCH_MEMBER SET ATTEMPT_STARTED = ? WHERE MEMBER_KEY = ?")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, memberKey).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String memberKey, String reason) {
        BatchMember member = em.find(BatchMember.class, memberKey);
        if (member != null) {
            member.attempt(reason);
        }
    }
}
