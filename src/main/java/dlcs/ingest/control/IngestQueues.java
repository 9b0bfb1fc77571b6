package dlcs.ingest.control;

import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;

/**
 * The ingest queues, declared portably so that the server creates them at deployment. Their
 * redelivery (delay, back-off, attempts) and the dead-letter address are broker settings, in
 * server-config/dlcs.cli.
 */
@JMSDestinationDefinitions({
        @JMSDestinationDefinition(name = IngestQueues.NORMAL, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs-ingest"),
        @JMSDestinationDefinition(name = IngestQueues.PRIORITY, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs-ingest-priority"),
        @JMSDestinationDefinition(name = IngestQueues.DEAD, interfaceName = "jakarta.jms.Queue",
                destinationName = "dlcs-ingest-dead")})
public final class IngestQueues {

    public static final String NORMAL = "java:global/jms/dlcs/ingest";
    public static final String PRIORITY = "java:global/jms/dlcs/ingest-priority";
    public static final String DEAD = "java:global/jms/dlcs/ingest-dead";

    private IngestQueues() {
    }
}
