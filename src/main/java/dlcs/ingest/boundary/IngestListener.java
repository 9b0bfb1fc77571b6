package dlcs.ingest.boundary;

import dlcs.ingest.control.IngestQueues;
import dlcs.ingest.control.IngestWorker;
import dlcs.ingest.control.PriorityGate;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Workers of the normal ingest queue. Concurrency is {@code dlcs.queue.concurrency}
 * (environment {@code DLCS_QUEUE_CONCURRENCY}), resolved by the server when it deploys.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = IngestQueues.NORMAL),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession",
                propertyValue = "${dlcs.queue.concurrency:${env.DLCS_QUEUE_CONCURRENCY:3}}"),
        // one message at a time: no worker holds a buffer of one customer's work that another's
        // higher-priority messages would wait behind (see IngestDispatch)
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")})
public class IngestListener implements MessageListener {

    @Inject
    IngestWorker worker;

    @Resource
    MessageDrivenContext context;

    @Inject
    PriorityGate gate;

    @Inject
    @ConfigProperty(name = "dlcs.queue.max-delivery-attempts", defaultValue = "5")
    int maxAttempts;

    @Override
    public void onMessage(Message message) {
        Messages.read(message).ifPresent(ingest -> {
            gate.awaitPriorityWork();
            Retries.process(worker, ingest, message, maxAttempts, context);
        });
    }
}
