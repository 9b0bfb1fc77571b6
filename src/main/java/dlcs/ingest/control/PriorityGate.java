package dlcs.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.QueueBrowser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts the priority queue ahead of the normal one: a normal worker waits before it starts
 * while priority work is waiting or running on this server, so the CPU goes to the priority
 * batch. It waits at most {@code dlcs.queue.priority-wait-seconds}, so the normal queue never
 * starves.
 */
@ApplicationScoped
public class PriorityGate {

    private static final Logger LOG = Logger.getLogger(PriorityGate.class.getName());

    private final AtomicInteger running = new AtomicInteger();

    @Inject
    IngestQueues queues;

    @Inject
    @ConfigProperty(name = "dlcs.queue.priority-wait-seconds", defaultValue = "300")
    int maxWaitSeconds;

    public void priorityStarted() {
        running.incrementAndGet();
    }

    public void priorityEnded() {
        running.decrementAndGet();
    }

    /** Blocks a normal worker while priority work is pending. */
    public void awaitPriorityWork() {
        long deadline = System.nanoTime() + maxWaitSeconds * 1_000_000_000L;
        while (running.get() > 0 || priorityWaiting()) {
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

    private boolean priorityWaiting() {
        try (QueueBrowser browser = queues.browse(true)) {
            return browser.getEnumeration().hasMoreElements();
        } catch (Exception e) {
            LOG.fine("Could not browse the priority queue: " + e);
            return false;
        }
    }
}
