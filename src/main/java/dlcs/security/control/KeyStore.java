package dlcs.security.control;

import dlcs.security.entity.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys: made, listed, found, deleted, and their stored hashes replaced. Deleting a key or
 * changing its secret is announced ({@link KeyChanged}) so that {@link Authenticator} forgets
 * what it remembered of it. Checking a presented secret is {@link Authenticator}'s.
 */
@ApplicationScoped
public class KeyStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<KeyChanged> changes;

    @Inject
    CustomerDirectory customers;

    SecretHasher hasher = new SecretHasher();

    /** A new key for {@code customer}; the returned secret is never stored in clear. */
    @Transactional
    public NewKey create(long customer) {
        String key = UUID.randomUUID().toString();
        String secret = SecretHasher.newSecret();
        em.persist(new ApiKey(key, customer, hasher.hash(secret)));
        return new NewKey(key, secret, customer);
    }

    /**
     * The first key of {@code customer}, if it has none yet: callers take turns on the customer's
     * row, so that of nodes starting at once exactly one makes it.
     */
    @Transactional
    public Optional<NewKey> createFirst(long customer) {
        customers.lock(customer);
        return countKeysOf(customer) == 0 ? Optional.of(create(customer)) : Optional.empty();
    }

    /**
     * Makes {@code key} exist with {@code secret}, as configuration demands; callers take turns on
     * the customer's row, so that nodes starting at once with the same configuration all succeed.
     */
    @Transactional
    public void ensure(String key, String secret, long customer) {
        customers.lock(customer);
        ApiKey existing = em.find(ApiKey.class, key);
        if (existing == null) {
            em.persist(new ApiKey(key, customer, hasher.hash(secret)));
        } else if (!hasher.matches(secret, existing.secretHash())) {
            existing.replaceSecret(hasher.hash(secret));
            changes.fire(new KeyChanged(key));
        } else if (hasher.isOutdated(existing.secretHash())) {
            existing.replaceSecret(hasher.hash(secret));
        }
    }

    public Optional<ApiKey> find(String key) {
        return Optional.ofNullable(em.find(ApiKey.class, key));
    }

    /**
     * Stores {@code newHash} (of the same secret, made with today's rounds) in place of
     * {@code oldHash}, unless the key has changed meanwhile.
     */
    @Transactional
    public void replaceHash(String key, String oldHash, String newHash) {
        ApiKey stored = em.find(ApiKey.class, key);
        if (stored != null && stored.secretHash().equals(oldHash)) {
            stored.replaceSecret(newHash);
        }
    }

    public List<ApiKey> keysOf(long customer) {
        return em.createQuery("select k from ApiKey k where k.customer = :c order by k.created", ApiKey.class)
                .setParameter("c", customer)
                .getResultList();
    }

    public long countKeysOf(long customer) {
        return em.createQuery("select count(k) from ApiKey k where k.customer = :c", Long.class)
                .setParameter("c", customer)
                .getSingleResult();
    }

    @Transactional
    public boolean delete(long customer, String key) {
        ApiKey found = em.find(ApiKey.class, key);
        if (found == null || found.customer() != customer) {
            return false;
        }
        em.remove(found);
        changes.fire(new KeyChanged(key));
        return true;
    }
}
