package dlcs.ingest.boundary;

import dlcs.ingest.control.Leases;
import dlcs.nodes.control.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One live node per node identifier. Two nodes with the same {@code dlcs.node-id} would share a
 * transaction manager identity, and recovery on one could roll back the other's prepared work in
 * the shared database and broker; so a node holds the lease {@code node:<id>} for as long as it
 * runs (renewed by {@link Housekeeping}), and a second node that finds it held by another data
 * directory refuses to start, saying why. The same node restarted on its own data takes it back at once.
 */
@Singleton
@Startup
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
        if (!leases.acquire(lease(), length())) {
            String other = leases.holding(lease()).map(h -> h.holder() + ", until " + h.until()).orElse("unknown");
            throw new IllegalStateException("Another node answers to the node identifier '" + node.id() + "' on this"
                    + " database (" + other + "). Give every node its own dlcs.node-id (DLCS_NODE_ID): 1 to 23"
                    + " letters, digits, '.', '_' or '-'. A node moved to a new data directory may take its identifier"
                    + " back once that time has passed.");
        }
        LOG.info("This is node " + node.id() + " (" + node.holder() + ").");
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
