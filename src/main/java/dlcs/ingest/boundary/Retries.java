package dlcs.ingest.boundary;

import dlcs.ingest.control.IngestWorker;
import dlcs.ingest.control.RetryableIngestException;
import dlcs.ingest.entity.IngestMessage;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.logging.Logger;

/**
 * Runs one ingest; a transient failure marks the message's transaction for rollback (so the
 * broker redelivers it after its back-off) instead of throwing, which would only add stack
 * traces to the log. A message delivered more than {@code dlcs.queue.max-delivery-attempts} times
 * is given up here, as the dead-letter listener gives it up: WildFly's broker moves it to the
 * dead-letter queue before that, but Payara's (OpenMQ) redelivers at once and without
 * end, and an origin that is down must not be asked for ever.
 */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class.getName());

    private Retries() {
    }

    static void process(IngestWorker worker, IngestMessage message, Message delivered, int maxAttempts,
            MessageDrivenContext context) {
        if (deliveries(delivered) > maxAttempts) {
            worker.giveUp(message);
            return;
        }
        try {
            worker.process(message);
        } catch (RetryableIngestException e) {
            LOG.warning("Ingest of " + message.imageKey() + " (batch " + message.batch() + ") will be retried: "
                    + e.getMessage());
            context.setRollbackOnly();
        }
    }

    /** How often the broker has delivered this message, this time included (JMS 2.0's JMSXDeliveryCount). */
    private static int deliveries(Message delivered) {
        try {
            return delivered.propertyExists("JMSXDeliveryCount") ? delivered.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException | NumberFormatException e) {
            return 1;
        }
    }
}
