package dlcs.ingest.control;

import dlcs.nodes.control.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts the priority queue ahead of the normal one, across the nodes: a normal worker waits
 * before it starts while priority work is waiting in the shared queue, or running on this node
 * or any other, so that the CPUs, the origins, the database and the storage go to the priority
 * batch. A node running priority work holds the lease {@code priority:<node>} for {@link #HOLD},
 * renewed while it runs and let go when it ends; a node that dies lets it run out. What other
 * nodes do is looked at most twice a second per node (one indexed query on the small lease table
 * and one browse), whatever the number of waiting workers. A worker waits at most {@code
 * dlcs.queue.priority-wait-seconds}, so the normal queue never starves.
 */
@ApplicationScoped
public class PriorityGate {

    static final Duration HOLD = Duration.ofSeconds(30);
    static final String LEASE_PREFIX = "priority:";
    private static final long LOOK_EVERY_NANOS = 500_000_000L;
    private static final Logger LOG = Logger.getLogger(PriorityGate.class.getName());

    private final AtomicInteger running = new AtomicInteger();

    @Inject
    IngestQueues queues;

    @Inject
    Leases leases;

    @Inject
    NodeIdentity node;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "dlcs.queue.priority-wait-seconds", defaultValue = "300")
    int maxWaitSeconds;

    /** Serialises this node's lease writes, apart from the looks of waiting workers. */
    private final Object publishing = new Object();
    private ScheduledFuture<?> renewal;
    private long lookedAt = System.nanoTime() - LOOK_EVERY_NANOS;
    private boolean busyElsewhere;

    @PostConstruct
    void start() {
        // a lease left by this node's previous run is nobody's work now
        publish();
        long every = HOLD.toSeconds() / 3;
        renewal = scheduler.scheduleAtFixedRate(() -> {
            if (running.get() > 0) {
                publish();
            }
        }, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        renewal.cancel(false);
    }

    public void priorityStarted() {
        if (running.incrementAndGet() == 1) {
            publish();
        }
    }

    public void priorityEnded() {
        if (running.decrementAndGet() == 0) {
            publish();
        }
    }

    /** Blocks a normal worker while priority work is pending anywhere, at most the configured while. */
    public void awaitPriorityWork() {
        long deadline = System.nanoTime() + maxWaitSeconds * 1_000_000_000L;
        while (running.get() > 0 || priorityElsewhere()) {
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Priority work waiting in the queue or running on another node, as last looked at. */
    private synchronized boolean priorityElsewhere() {
        long now = System.nanoTime();
        if (now - lookedAt >= LOOK_EVERY_NANOS) {
            busyElsewhere = priorityWaiting() || priorityRunning();
            lookedAt = System.nanoTime();
        }
        return busyElsewhere;
    }

    /** This node's lease says what it does now; the last of concurrent calls sees the final count. */
    private void publish() {
        String lease = LEASE_PREFIX + node.id();
        synchronized (publishing) {
            try {
                if (running.get() > 0) {
                    leases.acquire(lease, HOLD);
                } else {
                    leases.release(lease);
                }
            } catch (RuntimeException e) {
                LOG.warning("Could not tell the other nodes whether priority work runs here: " + e);
            }
        }
    }

    private boolean priorityRunning() {
        try {
            return leases.anyHeld(LEASE_PREFIX);
        } catch (RuntimeException e) {
            LOG.fine("Could not look for priority work on other nodes: " + e);
            return false;
        }
    }

    private boolean priorityWaiting() {
        try (QueueBrowser browser = queues.browse(true)) {
            return browser.getEnumeration().hasMoreElements();
        } catch (Exception e) {
            LOG.fine("Could not browse the priority queue: " + e);
            return false;
        }
    }
}
