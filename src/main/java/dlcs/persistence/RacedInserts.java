package dlcs.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Inserts that several nodes may make at the same moment (the first lease of a job, the
 * administrator customer at the first start): each in a transaction of its own, so that the node
 * whose insert meets the other's key loses only that insert, and learns it, instead of failing
 * the work (or the deployment) around it. The database's key decides.
 */
@ApplicationScoped
public class RacedInserts {

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * Stores {@code entity} unless its row exists; false if it does (or could not be written, which
     * the caller learns by reading the row again).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean insert(Object entity) {
        try {
            em.persist(entity);
            em.flush();
            return true;
        } catch (PersistenceException lost) {
            // the transaction ends in a rollback rather than a commit that would fail again
            transaction.setRollbackOnly();
            return false;
        }
    }
}
