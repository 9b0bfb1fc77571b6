package dlcs.security.control;

import dlcs.security.entity.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: made, listed, deleted, and checked against a presented secret. A successful check
 * is remembered for a minute (by a fast digest, never the secret) so that the slow hash is not
 * paid on every request.
 */
@ApplicationScoped
public class KeyStore {

    private static final long REMEMBER_MILLIS = 60_000;

    record Verified(String digest, Caller caller, long until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

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

    /** Makes {@code key} exist with {@code secret}, as configuration demands. */
    @Transactional
    public void ensure(String key, String secret, long customer) {
        ApiKey existing = em.find(ApiKey.class, key);
        if (existing == null) {
            em.persist(new ApiKey(key, customer, hasher.hash(secret)));
        } else if (!hasher.matches(secret, existing.secretHash()) || hasher.isOutdated(existing.secretHash())) {
            existing.replaceSecret(hasher.hash(secret));
        }
        verified.remove(key);
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
        verified.remove(key);
        if (found == null || found.customer() != customer) {
            return false;
        }
        em.remove(found);
        return true;
    }

    /** The caller these credentials identify, if they match a key. */
    public Optional<Caller> authenticate(String key, String secret) {
        String digest = digest(key, secret);
        Verified known = verified.get(key);
        long now = System.currentTimeMillis();
        if (known != null && known.until() > now && MessageDigest.isEqual(
                known.digest().getBytes(StandardCharsets.UTF_8), digest.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(known.caller());
        }
        ApiKey stored = em.find(ApiKey.class, key);
        if (stored == null || !hasher.matches(secret, stored.secretHash())) {
            return Optional.empty();
        }
        Optional<CustomerDirectory.Entry> customer = customers.find(stored.customer());
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        Caller caller = new Caller(key, customer.get().id(), customer.get().administrator());
        verified.put(key, new Verified(digest, caller, now + REMEMBER_MILLIS));
        return Optional.of(caller);
    }

    private static String digest(String key, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((key + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
