package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.ingest.control.IngestQueues;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Collections;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: messages on the ingest queue that are not ingest messages (not JSON, not a
 * text message, JSON of another shape) are logged and acknowledged, never redelivered in a loop
 * and never dead-lettered.
 */
@ExtendWith(ArquillianExtension.class)
class MalformedMessageIT {

    @Deployment
    static WebArchive war() {
        return Deployments.builtWar().addClass(MalformedMessageIT.class);
    }

    @Inject
    JMSContext jms;

    @Resource(lookup = IngestQueues.NORMAL)
    Queue queue;

    @Resource(lookup = IngestQueues.DEAD)
    Queue dead;

    @Test
    void unreadableMessagesAreAcknowledgedNotLooped() throws Exception {
        int deadBefore = depth(dead);
        jms.createProducer().send(queue, "this is { not json");
        jms.createProducer().send(queue, "{\"batch\": \"x\"}");
        jms.createProducer().send(queue, new byte[]{1, 2, 3});
        jms.createProducer().send(queue, "{\"batch\": 999999999, \"image\": \"1/1/nobody\"}");

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (depth(queue) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, depth(queue), "every message was consumed and acknowledged");
        Thread.sleep(2000);
        assertEquals(0, depth(queue), "and none came back for redelivery");
        assertEquals(deadBefore, depth(dead), "none was dead-lettered");
    }

    private int depth(Queue target) throws JMSException {
        try (QueueBrowser browser = jms.createBrowser(target)) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }
}
