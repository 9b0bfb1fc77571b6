package dlcs.registration.control;

import dlcs.common.ConflictException;
import dlcs.common.UnknownResourceException;
import dlcs.registration.entity.Customer;
import dlcs.persistence.RacedInserts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Customers: numbered in order of creation, looked up by number or by name. */
@ApplicationScoped
public class CustomerStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    RacedInserts inserts;

    public Optional<Customer> find(long id) {
        return Optional.ofNullable(em.find(Customer.class, id));
    }

    /** {@code idOrName} as it appears in a path: the customer's number or its name. */
    public Customer resolve(String idOrName) {
        Optional<Customer> found;
        if (idOrName.matches("\\d{1,18}")) {
            found = find(Long.parseLong(idOrName));
        } else {
            found = em.createQuery("select c from Customer c where c.name = :n", Customer.class)
                    .setParameter("n", idOrName)
                    .getResultStream().findFirst();
        }
        return found.orElseThrow(() -> new UnknownResourceException("There is no customer " + idOrName + "."));
    }

    public List<Customer> list(int first, int max) {
        return em.createQuery("select c from Customer c order by c.id", Customer.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count() {
        return em.createQuery("select count(c) from Customer c", Long.class).getSingleResult();
    }

    /**
     * A new customer, numbered one past the highest. Creations take turns on the lock of the
     * first customer's row (the administrator's, which always exists): two at once would
     * otherwise both take the same number, and one would fail with a false 409.
     */
    @Transactional
    public Customer create(String name, String displayName) {
        displayName(displayName);
        Long first = em.createQuery("select min(c.id) from Customer c", Long.class).getSingleResult();
        if (first != null) {
            lock(first);
        }
        requireFreeName(name);
        long next = em.createQuery("select coalesce(max(c.id), 0) from Customer c", Long.class).getSingleResult() + 1;
        Customer customer = new Customer(next, name, displayName, false);
        em.persist(customer);
        em.flush();
        return customer;
    }

    /**
     * Makes the administrator customer {@code id} exist. Of nodes starting at once on one
     * database, one inserts it and the others find it.
     */
    public void ensureAdministrator(long id, String name) {
        if (find(id).isEmpty() && !inserts.insert(new Customer(id, name, "Administrator", true))
                && find(id).isEmpty()) {
            throw new IllegalStateException("Could not create the administrator customer " + id + "; see the log.");
        }
    }

    /** Locks the row of customer {@code id} until the caller's transaction ends: concurrent callers take turns. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(long id) {
        em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional
    public Customer amend(long id, String name, String displayName) {
        displayName(displayName);
        Customer customer = find(id).orElseThrow(() -> new UnknownResourceException("There is no customer " + id + "."));
        if (name != null && !name.equals(customer.name())) {
            requireFreeName(name);
            customer.rename(name);
        }
        if (displayName != null) {
            customer.describeAs(displayName);
        }
        return customer;
    }

    private static void displayName(String displayName) {
        MetadataRules.text("displayName", displayName, Customer.DISPLAY_NAME_LENGTH);
    }

    private void requireFreeName(String name) {
        Long taken = em.createQuery("select count(c) from Customer c where c.name = :n", Long.class)
                .setParameter("n", name).getSingleResult();
        if (taken > 0) {
            throw new ConflictException("A customer named '" + name + "' already exists; choose another name.");
        }
    }
}
