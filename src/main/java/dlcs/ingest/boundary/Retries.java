package dlcs.ingest.boundary;

import dlcs.ingest.control.IngestWorker;
import dlcs.ingest.control.RetryableIngestException;
import dlcs.ingest.entity.IngestMessage;
import jakarta.ejb.MessageDrivenContext;
import java.util.logging.Logger;

/**
 * Runs one ingest; a transient failure marks the message's transaction for rollback (so the
 * broker redelivers it after its back-off) instead of throwing, which would only add stack
 * traces to the log.
 */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class.getName());

    private Retries() {
    }

    static void process(IngestWorker worker, IngestMessage message, MessageDrivenContext context) {
        try {
            worker.process(message);
        } catch (RetryableIngestException e) {
            LOG.warning("Ingest of " + message.imageKey() + " (batch " + message.batch() + ") will be retried: "
                    + e.getMessage());
            context.setRollbackOnly();
        }
    }
}
