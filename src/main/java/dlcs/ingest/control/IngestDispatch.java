package dlcs.ingest.control;

import dlcs.ingest.entity.IngestMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The one way ingest messages are sent: persistent, in the caller's transaction (so they leave
 * only if it commits), to the normal or the priority queue, with a JMS priority that keeps
 * customers from starving each other. A customer's first messages go out at the highest
 * priority, and each further power of ten of its backlog one step lower: a customer with ten
 * thousand images waiting does not hold up another's batch of ten, which is served after at
 * most the first ten of the large backlog. The workers take one message at a time
 * ({@code consumerWindowSize} 0), so the broker's priority order is the order of work.
 */
@ApplicationScoped
public class IngestDispatch {

    static final int HIGHEST = 8;

    @Inject
    IngestQueues queues;

    /** Sends {@code message}, the customer's {@code backlog}-th waiting image (counting from 0). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(IngestMessage message, boolean priorityQueued, long backlog) {
        queues.send(message.toJson(), priorityQueued, priorityFor(backlog));
    }

    /** 8 for the first ten waiting (0 to 9), 7 up to a hundred, 6 up to a thousand, ... 0 from 10^8 on. */
    static int priorityFor(long backlog) {
        int digits = Long.toString(Math.max(0, backlog)).length();
        return Math.max(0, HIGHEST - (digits - 1));
    }
}
