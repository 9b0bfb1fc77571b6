package dlcs.ingest.boundary;

import dlcs.ingest.control.Leases;
import dlcs.nodes.control.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One live node per node identifier. Two nodes with the same {@code dlcs.node-id} would share a
 * transaction manager identity, and recovery on one could roll back the other's prepared work in
 * the shared database and broker; so a node holds the lease {@code node:<id>} for as long as it
 * runs (renewed by {@link Housekeeping}), and a second node that finds it held by another data
 * directory refuses to start, saying why, once it has waited out the lease (a node that is gone,
 * restarted on a new data directory, leaves a lease that runs out). The same node restarted on its
 * own data takes it back at once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeClaim {

    private static final Logger LOG = Logger.getLogger(NodeClaim.class.getName());

    @Inject
    Leases leases;

    @Inject
    NodeIdentity node;

    @Inject
    @ConfigProperty(name = "dlcs.housekeeping.interval-seconds", defaultValue = "60")
    long intervalSeconds;

    @PostConstruct
    void claim() {
        if (!leases.acquire(lease(), length()) && !heldByTheDead()) {
            String other = leases.holding(lease()).map(h -> h.holder() + ", until " + h.until()).orElse("unknown");
            throw new IllegalStateException("Another node answers to the node identifier '" + node.id() + "' on this"
                    + " database (" + other + "). Give every node its own dlcs.node-id (DLCS_NODE_ID): 1 to 23"
                    + " letters, digits, '.', '_' or '-'.");
        }
        LOG.info("This is node " + node.id() + " (" + node.holder() + ").");
    }

    /**
     * Whether the lease was left by a node that is gone (this node, killed and started again on a
     * new data directory, say): waits until it runs out, at most one lease's length, and takes it
     * if its holder has not renewed it meanwhile, as a live node would have.
     */
    private boolean heldByTheDead() {
        Instant until = leases.holding(lease()).map(Leases.Holding::until).orElse(Instant.now());
        Duration wait = Duration.between(Instant.now(), until).plusSeconds(1);
        if (wait.compareTo(length().plusSeconds(1)) > 0) {
            return false;
        }
        LOG.warning("The node identifier '" + node.id() + "' is held until " + until + " by another data directory;"
                + " waiting until then to see whether that node is still alive.");
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return leases.acquire(lease(), length());
    }

    /** Holds the identifier for another while; called more often than it runs out. */
    public void renew() {
        if (!leases.acquire(lease(), length())) {
            LOG.severe("Another node has taken the node identifier '" + node.id() + "' ("
                    + leases.holding(lease()).map(Leases.Holding::holder).orElse("unknown")
                    + "): two nodes answer to it. Give every node its own dlcs.node-id (DLCS_NODE_ID).");
        }
    }

    private String lease() {
        return "node:" + node.id();
    }

    private Duration length() {
        return Duration.ofSeconds(Math.max(1, intervalSeconds) * 3);
    }
}
