package dlcs.ingest.boundary;

import dlcs.ingest.entity.IngestMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads an ingest message. One that is not the expected JSON can never succeed: it is logged
 * with its id and an excerpt, and acknowledged (empty result) so that it does not loop.
 */
final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class.getName());

    private Messages() {
    }

    static Optional<IngestMessage> read(Message message) {
        String text = null;
        try {
            if (message instanceof TextMessage textMessage) {
                text = textMessage.getText();
            }
            return Optional.of(IngestMessage.parse(text));
        } catch (IllegalArgumentException | JMSException e) {
            String excerpt = text == null ? "(not a text message)" : text.length() > 200 ? text.substring(0, 200) : text;
            LOG.severe("Discarding an unreadable ingest message " + id(message) + ": " + e.getMessage()
                    + "; body: " + excerpt);
            return Optional.empty();
        }
    }

    private static String id(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
