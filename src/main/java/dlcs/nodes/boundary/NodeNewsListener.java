package dlcs.nodes.boundary;

import dlcs.nodes.control.Broadcast;
import dlcs.nodes.entity.NodeNews;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Hears the news topic on this node and passes each piece on as a CDI event ({@link NodeNews}) to
 * the features that keep something it makes stale. Its subscription is durable and this node's own
 * (client id {@code dlcs-node-<dlcs.node-id>}): every node gets every piece, and one that was away
 * from the broker for a moment gets what it missed when it comes back. One session, because a
 * durable subscription of one client has one consumer; handling news is forgetting a map entry. A
 * piece delivered twice is forgotten twice, which is harmless. Unreadable news is logged and
 * acknowledged, so that it does not loop.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Broadcast.TOPIC),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "clientId",
                propertyValue = "dlcs-node-${dlcs.node-id:${env.DLCS_NODE_ID:1}}"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "dlcs-node-news"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class NodeNewsListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NodeNewsListener.class.getName());

    @Inject
    Event<NodeNews> news;

    @Override
    public void onMessage(Message message) {
        String text = null;
        NodeNews read;
        try {
            if (message instanceof TextMessage textMessage) {
                text = textMessage.getText();
            }
            read = NodeNews.parse(text);
        } catch (IllegalArgumentException | JMSException e) {
            String excerpt = text == null ? "(not a text message)" : text.substring(0, Math.min(200, text.length()));
            LOG.severe("Discarding unreadable news from another node: " + e.getMessage() + "; body: " + excerpt);
            return;
        }
        news.fire(read);
    }
}
