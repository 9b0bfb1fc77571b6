package dlcs.registration.control;

import dlcs.common.ConflictException;
import dlcs.common.InvalidInputException;
import dlcs.common.UnknownResourceException;
import dlcs.registration.entity.Space;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Spaces of a customer, numbered from 1 within it. */
@ApplicationScoped
public class SpaceStore {

    @PersistenceContext
    EntityManager em;

    public Optional<Space> find(long customer, int number) {
        return Optional.ofNullable(em.find(Space.class, Space.keyOf(customer, number)));
    }

    public Space get(long customer, int number) {
        return find(customer, number).orElseThrow(() ->
                new UnknownResourceException("Customer " + customer + " has no space " + number + "."));
    }

    public List<Space> list(long customer, int first, int max) {
        return em.createQuery("select s from Space s where s.customer = :c order by s.number", Space.class)
                .setParameter("c", customer).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(long customer) {
        return em.createQuery("select count(s) from Space s where s.customer = :c", Long.class)
                .setParameter("c", customer).getSingleResult();
    }

    public long imageCount(long customer, int number) {
        return em.createQuery("select count(i) from Image i where i.customer = :c and i.space = :s", Long.class)
                .setParameter("c", customer).setParameter("s", number).getSingleResult();
    }

    /** POST: a new space at the next number after the customer's highest. */
    @Transactional
    public Space create(long customer, SpaceSettings settings) {
        requireNewName(customer, settings);
        int next = em.createQuery("select coalesce(max(s.number), 0) from Space s where s.customer = :c", Integer.class)
                .setParameter("c", customer).getSingleResult() + 1;
        if (next > Space.MAX_NUMBER) {
            throw new ConflictException("Customer " + customer + " has a space numbered " + Space.MAX_NUMBER
                    + ", the highest there can be; create the space with PUT at a free number instead.");
        }
        return persist(customer, next, settings);
    }

    /** What a PUT did: the space as it is now, and whether the PUT created it. */
    public record Saved(Space space, boolean created) {
    }

    /**
     * PUT: replaces the settings of the space at {@code number}, or creates it there when there is
     * none, which is how the DLCS lets a client "ensure" a space.
     */
    @Transactional
    public Saved put(long customer, int number, SpaceSettings settings) {
        if (find(customer, number).isPresent()) {
            return new Saved(amend(customer, number, settings, false), false);
        }
        if (number < 1 || number > Space.MAX_NUMBER) {
            throw new InvalidInputException("Space numbers run from 1 to " + Space.MAX_NUMBER + ".");
        }
        requireNewName(customer, settings);
        return new Saved(persist(customer, number, settings), true);
    }

    private void requireNewName(long customer, SpaceSettings settings) {
        String name = settings.name();
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("A space needs a name: {\"name\": \"my space\"}.");
        }
        requireFreeName(customer, name, -1);
    }

    private Space persist(long customer, int number, SpaceSettings settings) {
        Space space = new Space(customer, number, settings.name());
        space.setDefaults(settings.defaultTagsOr(List.of()), settings.defaultRolesOr(List.of()),
                settings.maxUnauthorisedOr(-1));
        em.persist(space);
        em.flush();
        return space;
    }

    /** PUT replaces the settings, PATCH ({@code partial}) changes only those given. */
    @Transactional
    public Space amend(long customer, int number, SpaceSettings settings, boolean partial) {
        Space space = get(customer, number);
        if (settings.name() != null && !settings.name().equals(space.name())) {
            if (settings.name().isBlank()) {
                throw new InvalidInputException("A space's name may not be empty.");
            }
            requireFreeName(customer, settings.name(), number);
            space.rename(settings.name());
        } else if (!partial && settings.name() == null) {
            throw new InvalidInputException("PUT replaces the space: give its name (or use PATCH to change part of it).");
        }
        if (partial) {
            space.setDefaults(settings.defaultTagsOr(space.defaultTags()), settings.defaultRolesOr(space.defaultRoles()),
                    settings.maxUnauthorisedOr(space.maxUnauthorised()));
        } else {
            space.setDefaults(settings.defaultTagsOr(List.of()), settings.defaultRolesOr(List.of()),
                    settings.maxUnauthorisedOr(-1));
        }
        return space;
    }

    @Transactional
    public void delete(long customer, int number) {
        Space space = get(customer, number);
        Long images = em.createQuery("select count(i) from Image i where i.customer = :c and i.space = :s", Long.class)
                .setParameter("c", customer).setParameter("s", number).getSingleResult();
        if (images > 0) {
            throw new ConflictException("Space " + number + " still holds " + images
                    + " images; delete them first.");
        }
        em.remove(space);
    }

    private void requireFreeName(long customer, String name, int except) {
        Long taken = em.createQuery("select count(s) from Space s where s.customer = :c and s.name = :n and s.number <> :x",
                        Long.class)
                .setParameter("c", customer).setParameter("n", name).setParameter("x", except).getSingleResult();
        if (taken > 0) {
            throw new ConflictException("Customer " + customer + " already has a space named '" + name
                    + "'; choose another name.");
        }
    }
}
