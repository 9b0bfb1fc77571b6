package dlcs.ingest.control;

import dlcs.ingest.entity.BatchMember;
import dlcs.ingest.entity.IngestMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the ingest queues hold: the members whose messages wait there. A browse sees waiting
 * messages only, not those a worker has in hand nor those waiting out a redelivery delay; the
 * sweep covers those by the time it lets pass since a member was last sent or attempted.
 */
@ApplicationScoped
public class QueueContents {

    @Inject
    IngestQueues queues;

    /**
     * Member keys ({@link BatchMember#keyOf}) with a message waiting; empty when the queues hold
     * more than {@code limit} messages, too many to tell which members are missing.
     */
    public Optional<Set<String>> waitingMembers(int limit) throws JMSException {
        Set<String> waiting = new HashSet<>();
        int seen = 0;
        for (boolean priorityQueued : new boolean[]{false, true}) {
            try (QueueBrowser browser = queues.browse(priorityQueued)) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    if (++seen > limit) {
                        return Optional.empty();
                    }
                    if (messages.nextElement() instanceof TextMessage text) {
                        keyOf(text, waiting);
                    }
                }
            }
        }
        return Optional.of(waiting);
    }

    private static void keyOf(Message message, Set<String> into) throws JMSException {
        try {
            IngestMessage ingest = IngestMessage.parse(((TextMessage) message).getText());
            into.add(BatchMember.keyOf(ingest.batch(), ingest.imageKey()));
        } catch (IllegalArgumentException unreadable) {
            // a malformed message is the listeners' to discard
        }
    }
}
