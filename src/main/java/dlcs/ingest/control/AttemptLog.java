package dlcs.ingest.control;

import dlcs.ingest.entity.BatchMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Remembers why an attempt failed, in its own transaction: the message's transaction is about
 * to roll back, and the reason must survive for the dead-letter handler to report.
 */
@ApplicationScoped
public class AttemptLog {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String memberKey, String reason) {
        BatchMember member = em.find(BatchMember.class, memberKey);
        if (member != null) {
            member.attempt(reason);
        }
    }
}
