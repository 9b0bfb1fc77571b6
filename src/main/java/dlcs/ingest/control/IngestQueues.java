package dlcs.ingest.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

/**
 * The ingest queues, declared portably so that the server creates them at deployment, and the
 * one place that sends to them and browses them. Their redelivery (delay, back-off, attempts)
 * and the dead-letter address are broker settings, in server-config/dlcs.cli.
 */
@JMSDestinationDefinitions({
        @JMSDestinationDefinition(name = IngestQueues.NORMAL, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs-ingest"),
        @JMSDestinationDefinition(name = IngestQueues.PRIORITY, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs-ingest-priority"),
        @JMSDestinationDefinition(name = IngestQueues.DEAD, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs-ingest-dead")})
@ApplicationScoped
public class IngestQueues {

    public static final String NORMAL = "java:global/jms/dlcs/ingest";
    public static final String PRIORITY = "java:global/jms/dlcs/ingest-priority";
    public static final String DEAD = "java:global/jms/dlcs/ingest-dead";

    @Inject
    JMSContext jms;

    @Resource(lookup = NORMAL)
    Queue normalQueue;

    @Resource(lookup = PRIORITY)
    Queue priorityQueue;

    @Resource(lookup = DEAD)
    Queue deadQueue;

    /** Sends {@code body} persistently, with a JMS priority; it leaves if the caller's transaction commits. */
    void send(String body, boolean toPriorityQueue, int jmsPriority) {
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setPriority(jmsPriority)
                .send(toPriorityQueue ? priorityQueue : normalQueue, body);
    }

    /** A look at what waits in one queue; the caller closes it. */
    QueueBrowser browse(boolean priorityQueued) {
        return jms.createBrowser(priorityQueued ? priorityQueue : normalQueue);
    }

    /** A look at the dead-letter queue; the caller closes it. */
    QueueBrowser browseDeadLetters() {
        return jms.createBrowser(deadQueue);
    }
}
