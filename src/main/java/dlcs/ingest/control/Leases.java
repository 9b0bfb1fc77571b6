package dlcs.ingest.control;

import dlcs.ingest.entity.Lease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Leases on periodic jobs, so that a job runs on one node at a time: a node takes a lease that
 * has run out, or renews its own, in one conditional update; the database decides between
 * nodes that try at once.
 */
@ApplicationScoped
public class Leases {

    /** This node, for as long as this deployment runs. */
    private final String self = UUID.randomUUID().toString();

    @PersistenceContext
    EntityManager em;

    /** Whether this node now holds {@code job} for {@code length}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(String job, Duration length) {
        Instant now = Instant.now();
        int taken = em.createQuery("update Lease l set l.holder = :self, l.until = :until"
                        + " where l.name = :job and (l.until < :now or l.holder = :self)")
                .setParameter("self", self).setParameter("until", now.plus(length)).setParameter("job", job)
                .setParameter("now", now).executeUpdate();
        if (taken == 1) {
            return true;
        }
        if (em.find(Lease.class, job) != null) {
            return false;
        }
        // the first time: of two nodes inserting at once, one commit fails on the key
        em.persist(new Lease(job, self, now.plus(length)));
        return true;
    }
}
