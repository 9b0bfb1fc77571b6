package dlcs.usage.control;

import dlcs.common.ConflictException;
import dlcs.common.InvalidInputException;
import dlcs.common.UnknownResourceException;
import dlcs.usage.entity.StoragePolicy;
import dlcs.usage.entity.StorageUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Storage policies: {@code default}, whose limits come from configuration and always exists,
 * and those an administrator stores. A policy that a customer is governed by cannot be deleted.
 */
@ApplicationScoped
public class StoragePolicies {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~-]{1," + StoragePolicy.ID_LENGTH + "}");

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "dlcs.storage.default-policy.max-images", defaultValue = "10000000")
    long defaultMaxImages;

    @Inject
    @ConfigProperty(name = "dlcs.storage.default-policy.max-bytes", defaultValue = "10995116277760")
    long defaultMaxBytes;

    public Optional<StoragePolicy> find(String id) {
        if (StoragePolicy.DEFAULT.equals(id)) {
            return Optional.of(defaultPolicy());
        }
        return Optional.ofNullable(em.find(StoragePolicy.class, id));
    }

    public StoragePolicy get(String id) {
        return find(id).orElseThrow(() -> new UnknownResourceException("There is no storage policy '" + id + "'."));
    }

    /** The policy that governs {@code usage}'s customer; {@code default} if the one named is gone. */
    public StoragePolicy governing(StorageUsage usage) {
        return find(usage.storagePolicy()).orElseGet(this::defaultPolicy);
    }

    /** {@code default} first, then the others by id. */
    public List<StoragePolicy> list(int first, int max) {
        List<StoragePolicy> page = new ArrayList<>();
        if (first == 0 && max > 0) {
            page.add(defaultPolicy());
        }
        int storedFirst = Math.max(0, first - 1);
        int storedMax = max - page.size();
        if (storedMax > 0) {
            page.addAll(em.createQuery("select p from StoragePolicy p order by p.id", StoragePolicy.class)
                    .setFirstResult(storedFirst).setMaxResults(storedMax).getResultList());
        }
        return page;
    }

    public long count() {
        return 1 + em.createQuery("select count(p) from StoragePolicy p", Long.class).getSingleResult();
    }

    /** Creates or changes a policy; returns whether it was created. */
    @Transactional
    public boolean put(String id, long maxImages, long maxBytes) {
        requireStored(checkedId(id));
        if (maxImages < 0 || maxBytes < 0) {
            throw new InvalidInputException("maximumNumberOfStoredImages and maximumTotalSizeOfStoredImages must be"
                    + " whole numbers of at least 0.");
        }
        StoragePolicy policy = em.find(StoragePolicy.class, id);
        if (policy == null) {
            em.persist(new StoragePolicy(id, maxImages, maxBytes));
            em.flush();
            return true;
        }
        policy.limit(maxImages, maxBytes);
        return false;
    }

    @Transactional
    public void delete(String id) {
        requireStored(id);
        StoragePolicy policy = get(id);
        long governed = em.createQuery("select count(u) from StorageUsage u where u.storagePolicy = :p", Long.class)
                .setParameter("p", id).getSingleResult();
        if (governed > 0) {
            throw new ConflictException("Storage policy '" + id + "' governs " + governed
                    + " customers; give them another policy first.");
        }
        em.remove(policy);
    }

    private static void requireStored(String id) {
        if (StoragePolicy.DEFAULT.equals(id)) {
            throw new ConflictException("The default storage policy is set by configuration"
                    + " (dlcs.storage.default-policy.max-images and dlcs.storage.default-policy.max-bytes),"
                    + " not through the API.");
        }
    }

    private static String checkedId(String id) {
        if (id == null || !ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new InvalidInputException("A storage policy id is 1 to " + StoragePolicy.ID_LENGTH
                    + " characters of A-Z a-z 0-9 - . _ ~ (and not '.' or '..').");
        }
        return id;
    }

    private StoragePolicy defaultPolicy() {
        return new StoragePolicy(StoragePolicy.DEFAULT, Math.max(0, defaultMaxImages), Math.max(0, defaultMaxBytes));
    }
}
