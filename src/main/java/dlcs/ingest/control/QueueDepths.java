package dlcs.ingest.control;

import dlcs.metrics.control.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import java.util.logging.Logger;

/**
 * How deep the queues are, for the figures. The normal and the priority queue: the images still
 * waiting in their unfinished batches, which the database counts in one query however long the
 * backlog (a browse of the broker would read every message, and misses those a worker has in
 * hand or that wait out a redelivery delay). The dead-letter queue: the messages on it, browsed up
 * to {@value #MAX_BROWSED}; its listener takes them off at once, so it is empty unless that
 * listener is stuck. Read at most every five seconds, however often the figures are scraped.
 */
@ApplicationScoped
public class QueueDepths {

    private static final Logger LOG = Logger.getLogger(QueueDepths.class.getName());
    static final int MAX_BROWSED = 1000;
    private static final long FRESH_NANOS = 5_000_000_000L;

    @Inject
    BatchStore batches;

    @Inject
    IngestQueues queues;

    private Depths last;
    private boolean failing;

    /** The depths read together, NaN where they could not be read. */
    private record Depths(double normal, double priority, double dead, long read) {
    }

    void register(Meters meters) {
        String help = "Queue depth: images waiting in unfinished batches (normal, priority), messages on the"
                + " dead-letter queue (dead_letter, at most " + MAX_BROWSED + " counted)";
        meters.gauge("dlcs.ingest.queue.depth", help, () -> current().normal(), "queue", "normal");
        meters.gauge("dlcs.ingest.queue.depth", help, () -> current().priority(), "queue", "priority");
        meters.gauge("dlcs.ingest.queue.depth", help, () -> current().dead(), "queue", "dead_letter");
    }

    private synchronized Depths current() {
        long now = System.nanoTime();
        if (last == null || now - last.read() > FRESH_NANOS) {
            last = read(now);
        }
        return last;
    }

    private Depths read(long now) {
        try {
            BatchStore.Waiting all = batches.waiting(null, null);
            BatchStore.Waiting priority = batches.waiting(null, true);
            Depths depths = new Depths(all.images() - priority.images(), priority.images(), deadLetters(), now);
            failing = false;
            return depths;
        } catch (RuntimeException | JMSException e) {
            if (!failing) {
                LOG.warning("Could not read the depth of the ingest queues for the metrics: " + e);
            }
            failing = true;
            return new Depths(Double.NaN, Double.NaN, Double.NaN, now);
        }
    }

    private int deadLetters() throws JMSException {
        int count = 0;
        try (QueueBrowser browser = queues.browseDeadLetters()) {
            Enumeration<?> messages = browser.getEnumeration();
            while (count < MAX_BROWSED && messages.hasMoreElements()) {
                messages.nextElement();
                count++;
            }
        }
        return count;
    }
}
