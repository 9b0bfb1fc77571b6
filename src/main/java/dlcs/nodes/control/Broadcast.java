package dlcs.nodes.control;

import dlcs.nodes.entity.NodeNews;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Topic;
import java.time.Duration;

/**
 * Tells every node, this one included, of a change: the news topic, declared here so that the
 * server creates it at deployment, and the one place that sends to it. The news is sent in the
 * caller's transaction (the one that makes the change), so it leaves if and only if the change
 * commits, and is never lost once it has. A two-phase commit finishes its branches one after the
 * other, though, and the broker's may come first: news can arrive a moment before its change is
 * visible in the database, so a receiver that reads the changed data again must be ready to read
 * it once more a moment later.
 */
@JMSDestinationDefinition(name = Broadcast.TOPIC, interfaceName = "jakarta.jms.Topic",
        destinationName = Broadcast.TOPIC_NAME)
@ApplicationScoped
public class Broadcast {

    public static final String TOPIC = "java:global/jms/dlcs/node-news";
    public static final String TOPIC_NAME = "dlcs_node_news";

    @Inject
    JMSContext jms;

    @Resource(lookup = TOPIC)
    Topic topic;

    /**
     * Sends {@code news} to every node once the caller's transaction commits. A node that cannot
     * take it within {@code timeToLive} (it was down, or away from the broker) never gets it: the
     * sender chooses a time after which what the news would make stale has expired anyway.
     */
    public void send(NodeNews news, Duration timeToLive) {
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                .setTimeToLive(Math.max(1, timeToLive.toMillis())).send(topic, news.toJson());
    }
}
