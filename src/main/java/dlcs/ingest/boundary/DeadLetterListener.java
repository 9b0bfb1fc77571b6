package dlcs.ingest.boundary;

import dlcs.ingest.control.IngestQueues;
import dlcs.ingest.control.IngestWorker;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Messages the broker gave up on (after {@code max-delivery-attempts}) land here: their members
 * are recorded as errors with the last reason, so that none stays "ingesting" for ever.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = IngestQueues.DEAD),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class DeadLetterListener implements MessageListener {

    @Inject
    IngestWorker worker;

    @Override
    public void onMessage(Message message) {
        Messages.read(message).ifPresent(worker::giveUp);
    }
}
