package dlcs.usage.control;

import dlcs.security.control.CustomerDirectory;
import dlcs.usage.entity.StorageUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Creates the usage rows of a customer and a space the first time they are needed, in a
 * transaction of their own: committed at once, so that the caller's transaction can lock a row
 * that exists, whatever becomes of that transaction. Creations for one customer take turns on the
 * lock of the customer's own row, which exists before any of its images, on whichever node they
 * run: the second finds the rows the first committed, where it would otherwise insert them again
 * and fail on their key. The lock is held for the few statements of this transaction only, and
 * no caller holds it when it comes here (the ingests that come here lock images, then usage rows).
 */
@ApplicationScoped
public class UsageRows {

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomerDirectory customers;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(long customer, int space) {
        customers.lock(customer);
        for (int number : new int[]{StorageUsage.WHOLE_CUSTOMER, space}) {
            if (em.find(StorageUsage.class, StorageUsage.keyOf(customer, number)) == null) {
                em.persist(new StorageUsage(customer, number));
            }
        }
        em.flush();
    }
}
