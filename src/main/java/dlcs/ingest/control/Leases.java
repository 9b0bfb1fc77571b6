package dlcs.ingest.control;

import dlcs.ingest.entity.Lease;
import dlcs.nodes.control.NodeIdentity;
import dlcs.persistence.RacedInserts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases, so that several nodes on one database agree without talking to each other: who runs a
 * periodic job now, whose turn a job that runs once per period is, which node is running priority
 * work, which node answers to a node identifier. A node takes a lease that has run out, or renews
 * its own, in one conditional update; the database decides between nodes that try at once, and
 * the first row of a lease is inserted so that of two nodes only one wins, and the other learns
 * it. The holder is this node and its data directory ({@link NodeIdentity#holder()}), so that a
 * node restarted on its own data takes its leases back at once. Times are the nodes' own clocks,
 * which must agree to well within a lease's length (NTP does).
 */
@ApplicationScoped
public class Leases {

    /** Who holds a lease, until when. */
    public record Holding(String holder, Instant until) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    NodeIdentity node;

    @Inject
    RacedInserts inserts;

    /** Whether this node now holds {@code job} for {@code length}: it took it, or renewed its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(String job, Duration length) {
        return take(job, length, "l.until < :now or l.holder = :self");
    }

    /**
     * Whether this node takes the turn of {@code job}, which runs once per {@code period} on
     * whichever node comes first: true at most once per period across the nodes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean takeTurn(String job, Duration period) {
        return take(job, period, "l.until < :now");
    }

    /** Lets {@code job} go, if this node holds it: another node may take it at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job) {
        em.createQuery("update Lease l set l.until = :now where l.name = :job and l.holder = :self and l.until > :now")
                .setParameter("now", Instant.now()).setParameter("job", job).setParameter("self", node.holder())
                .executeUpdate();
    }

    /**
     * Whether any node holds a lease whose name starts with {@code prefix}: one indexed look at a
     * small table, outside the caller's transaction (a worker asks before it starts its own work).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean anyHeld(String prefix) {
        return !em.createQuery("select l.name from Lease l where l.name like :prefix and l.until > :now", String.class)
                .setParameter("prefix", prefix.replace("%", "") + "%").setParameter("now", Instant.now())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Who holds {@code job}, if anyone has ever held it. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Holding> holding(String job) {
        return em.createQuery("select l.holder, l.until from Lease l where l.name = :job", Object[].class)
                .setParameter("job", job).getResultStream().findFirst()
                .map(row -> new Holding((String) row[0], (Instant) row[1]));
    }

    /** Takes {@code job} for {@code length} where {@code free} holds of its row, or as its first holder. */
    private boolean take(String job, Duration length, String free) {
        Instant now = Instant.now();
        Instant until = now.plus(length);
        var update = em.createQuery("update Lease l set l.holder = :self, l.until = :until where l.name = :job and ("
                + free + ")").setParameter("self", node.holder()).setParameter("until", until)
                .setParameter("job", job).setParameter("now", now);
        return update.executeUpdate() == 1 || firstHolder(job, until);
    }

    /** The first time anyone takes {@code job}: of nodes inserting at once, one wins. */
    private boolean firstHolder(String job, Instant until) {
        if (em.find(Lease.class, job) != null) {
            return false;
        }
        return inserts.insert(new Lease(job, node.holder(), until));
    }
}
