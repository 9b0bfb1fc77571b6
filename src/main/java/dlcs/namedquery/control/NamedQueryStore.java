package dlcs.namedquery.control;

import dlcs.common.ConflictException;
import dlcs.common.InvalidInputException;
import dlcs.common.UnknownResourceException;
import dlcs.namedquery.entity.NamedQuery;
import dlcs.security.control.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Named queries as each customer sees them: its own and the global ones. Only an administrator
 * makes, changes or deletes a global query; another customer's own query is unknown (404), never
 * forbidden, so that its existence is not told.
 */
@ApplicationScoped
public class NamedQueryStore {

    /** Visible to customer :c: its own, and the global ones (bound as a parameter: H2 will not compare a literal). */
    private static final String VISIBLE = "from NamedQuery q where q.customer = :c or q.global = :global";

    @PersistenceContext
    EntityManager em;

    /** A change as a client sends it: the name and the global flag, if given, must be as they were. */
    public record Change(String name, String template, Boolean global) {
    }

    /** Customer {@code customer}'s queries and the global ones, by name (own first when a global one shares it). */
    public List<NamedQuery> visibleTo(long customer, int first, int max) {
        return em.createQuery("select q " + VISIBLE + " order by q.name, q.global, q.id", NamedQuery.class)
                .setParameter("c", customer).setParameter("global", true)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countVisibleTo(long customer) {
        return em.createQuery("select count(q) " + VISIBLE, Long.class)
                .setParameter("c", customer).setParameter("global", true).getSingleResult();
    }

    /** The query {@code id} if it is {@code customer}'s own or global; 404 otherwise. */
    public NamedQuery get(long customer, String id) {
        NamedQuery found = id.length() > 36 ? null : em.find(NamedQuery.class, id);
        if (found == null || found.customer() != customer && !found.global()) {
            throw new UnknownResourceException("Customer " + customer + " has no named query '" + id + "'.");
        }
        return found;
    }

    /**
     * The query that {@code name} means for {@code customer}: its own, or else the global one.
     * Global names are unique, so there is at most one of each.
     */
    public Optional<NamedQuery> byName(long customer, String name) {
        List<NamedQuery> found = em.createQuery("select q from NamedQuery q where q.name = :n and (q.customer = :c"
                        + " or q.global = :global)", NamedQuery.class)
                .setParameter("n", name).setParameter("c", customer).setParameter("global", true).getResultList();
        return found.stream().filter(q -> q.customer() == customer).findFirst().or(() -> found.stream().findFirst());
    }

    @Transactional
    public NamedQuery create(long customer, String name, String template, boolean global, boolean administrator) {
        if (global && !administrator) {
            throw new AccessDeniedException("Only an administrator may create a global named query; leave \"global\""
                    + " out (or false) to make one for this customer only.");
        }
        NamedQuery created = new NamedQuery(customer, name, template, global);
        requireFreeName(customer, name, global);
        em.persist(created);
        em.flush();
        return created;
    }

    /** PUT: the template changes; a different name or global flag is a 400 (delete and create again for that). */
    @Transactional
    public NamedQuery change(long customer, String id, Change change, boolean administrator) {
        NamedQuery stored = get(customer, id);
        requireMayChange(stored, administrator);
        if (change.name() != null && !change.name().equals(stored.name())) {
            throw new InvalidInputException("A named query's name cannot change (it is in its public URLs); delete"
                    + " this one and create one with the new name instead.");
        }
        if (change.global() != null && change.global() != stored.global()) {
            throw new InvalidInputException("Whether a named query is global is set when it is created; delete this"
                    + " one and create it again to change that.");
        }
        stored.changeTemplate(change.template());
        return stored;
    }

    @Transactional
    public void delete(long customer, String id, boolean administrator) {
        NamedQuery stored = get(customer, id);
        requireMayChange(stored, administrator);
        em.remove(stored);
    }

    /**
     * Makes the global query {@code name} exist, owned by {@code owner}, unless a global query of
     * that name exists (whatever its template) or {@code owner} has a query of that name already.
     * Returns whether it was created.
     */
    @Transactional
    public boolean ensureGlobal(long owner, String name, String template) {
        if (globalNamed(name) > 0 || byName(owner, name).isPresent()) {
            return false;
        }
        em.persist(new NamedQuery(owner, name, template, true));
        return true;
    }

    private static void requireMayChange(NamedQuery query, boolean administrator) {
        if (query.global() && !administrator) {
            throw new AccessDeniedException("'" + query.name() + "' is a global named query: only an administrator"
                    + " may change or delete it. Create a query of your own with the same name to use instead.");
        }
    }

    private void requireFreeName(long customer, String name, boolean global) {
        Long taken = em.createQuery("select count(q) from NamedQuery q where q.customer = :c and q.name = :n", Long.class)
                .setParameter("c", customer).setParameter("n", name).getSingleResult();
        if (taken > 0) {
            throw new ConflictException("Customer " + customer + " already has a named query called '" + name
                    + "'; change that one (PUT) or choose another name.");
        }
        if (global && globalNamed(name) > 0) {
            throw new ConflictException("There is already a global named query called '" + name
                    + "'; global names are unique, so choose another name.");
        }
    }

    private long globalNamed(String name) {
        return em.createQuery("select count(q) from NamedQuery q where q.global = :global and q.name = :n", Long.class)
                .setParameter("global", true).setParameter("n", Objects.requireNonNull(name)).getSingleResult();
    }
}
