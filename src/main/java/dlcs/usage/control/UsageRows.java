package dlcs.usage.control;

import dlcs.usage.entity.StorageUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Creates the usage rows of a customer and a space the first time they are needed, in a
 * transaction of their own: committed at once, so that the caller's transaction can lock a row
 * that exists, whatever becomes of that transaction. Two callers creating the same row at once
 * is harmless: one insert fails, and the row is there for both.
 */
@ApplicationScoped
public class UsageRows {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(long customer, int space) {
        for (int number : new int[]{StorageUsage.WHOLE_CUSTOMER, space}) {
            if (em.find(StorageUsage.class, StorageUsage.keyOf(customer, number)) == null) {
                em.persist(new StorageUsage(customer, number));
            }
        }
        em.flush();
    }
}
