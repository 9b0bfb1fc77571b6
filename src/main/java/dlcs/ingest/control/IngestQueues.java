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
import jakarta.transaction.Transactional;

/**
 * The ingest queues, declared portably so that the server creates them at deployment, and the
 * one place that sends to them and browses them. Their redelivery (delay, back-off, attempts)
 * and the dead-letter address are broker settings, in server-config/dlcs.cli. The destination
 * names are Java identifiers: Payara's broker, OpenMQ, refuses any other name (with a '-', say).
 */
@JMSDestinationDefinitions({
        @JMSDestinationDefinition(name = IngestQueues.NORMAL, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs_ingest"),
        @JMSDestinationDefinition(name = IngestQueues.PRIORITY, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs_ingest_priority"),
        @JMSDestinationDefinition(name = IngestQueues.DEAD, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs_ingest_dead")})
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

    /**
     * A look at what waits in one queue; the caller closes it. Outside the caller's transaction: a
     * look changes nothing, and a worker looks from inside its message's transaction, whose
     * rollback (a retry) must not have the browser's session to undo as well. On Payara's broker
     * such a rollback failed and the message was never redelivered.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    QueueBrowser browse(boolean priorityQueued) {
        return jms.createBrowser(priorityQueued ? priorityQueue : normalQueue);
    }

    /** A look at the dead-letter queue; the caller closes it. */
    QueueBrowser browseDeadLetters() {
        return jms.createBrowser(deadQueue);
    }
}
