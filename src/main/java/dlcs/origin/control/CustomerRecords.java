package dlcs.origin.control;

import dlcs.common.UnknownResourceException;
import dlcs.origin.entity.CustomerRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** A customer's records of one kind ({@link CustomerRecord}): listed in a fixed order, found by id, deleted. */
public abstract class CustomerRecords<T extends CustomerRecord> {

    @PersistenceContext
    EntityManager em;

    private final Class<T> type;
    private final String noun;
    private final String order;

    /** {@code order}: the JPQL order of a listing, of the record {@code r}; {@code noun}: "origin strategy". */
    protected CustomerRecords(Class<T> type, String noun, String order) {
        this.type = type;
        this.noun = noun;
        this.order = order;
    }

    public List<T> list(long customer, int first, int max) {
        return em.createQuery("select r from " + type.getSimpleName() + " r where r.customer = :c order by " + order,
                type).setParameter("c", customer).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(long customer) {
        return em.createQuery("select count(r) from " + type.getSimpleName() + " r where r.customer = :c", Long.class)
                .setParameter("c", customer).getSingleResult();
    }

    public T get(long customer, String id) {
        T found = em.find(type, id);
        if (found == null || found.customer() != customer) {
            throw new UnknownResourceException("Customer " + customer + " has no " + noun + " '" + id + "'.");
        }
        return found;
    }

    @Transactional
    public void delete(long customer, String id) {
        em.remove(get(customer, id));
    }
}
