package dlcs.iiif.control;

import dlcs.nodes.control.Broadcast;
import dlcs.nodes.entity.NodeNews;
import dlcs.registration.control.ImageChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries image changes to the delivery caches of every node: a change is announced on the news
 * topic in its own transaction, and each node that hears it forgets the image ({@link
 * ServedImages#forget(long, int, String)}), and forgets it again {@link #SETTLE} later: the news
 * may overtake the database's commit (see {@link Broadcast}), and a request in that moment would
 * have kept the image as it was. The news lives as long as a cache entry, {@code
 * dlcs.iiif.cache-seconds}: a node that could not hear it sooner has let the entry expire anyway.
 *
 * <p>A transaction that changes many images of one space (a batch re-queuing a thousand) announces
 * the first {@link #ONE_BY_ONE} one by one, then the space once: each node forgets every image of
 * the space it keeps, and reads again those that are asked for. One message instead of a thousand
 * in the transaction that accepts the batch, on the broker and on every node.
 */
@ApplicationScoped
public class ImageNews {

    static final String KIND = "image-changed";
    static final String SPACE_KIND = "space-changed";
    /** Images of one space announced one by one in a transaction; after them, the space. */
    static final int ONE_BY_ONE = 10;
    /** Longer than the two branches of a commit take to finish one after the other. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(ImageNews.class.getName());

    @Inject
    Broadcast broadcast;

    @Inject
    ServedImages served;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.cache-seconds", defaultValue = "300")
    long cacheSeconds;

    /** In the transaction of the change: the news leaves if, and when, it commits. */
    void announce(@Observes ImageChanged changed) {
        String space = changed.customer() + "/" + changed.space();
        int before = announcedBefore(space);
        if (before < ONE_BY_ONE) {
            send(new NodeNews(KIND, space + "/" + changed.imageId()));
        } else if (before == ONE_BY_ONE) {
            send(new NodeNews(SPACE_KIND, space));
        }
    }

    /** How many images of {@code space} this transaction announced before this one (none outside a transaction). */
    private int announcedBefore(String space) {
        if (transaction.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return 0;
        }
        List<Object> key = List.of(ImageNews.class, space);
        Integer before = (Integer) transaction.getResource(key);
        transaction.putResource(key, before == null ? 1 : before + 1);
        return before == null ? 0 : before;
    }

    private void send(NodeNews news) {
        broadcast.send(news, Duration.ofSeconds(Math.max(1, cacheSeconds)));
    }

    /** On every node, the announcing one too: forgets the image (or the space), under any name it was asked for. */
    void heard(@Observes NodeNews news) {
        boolean wholeSpace = news.is(SPACE_KIND);
        if (!wholeSpace && !news.is(KIND)) {
            return;
        }
        String[] parts = news.subject().split("/", wholeSpace ? 2 : 3);
        if (parts.length != (wholeSpace ? 2 : 3) || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,9}")) {
            LOG.severe("Ignoring news of an image that names none: " + news.subject());
            return;
        }
        long customer = Long.parseLong(parts[0]);
        int space = Integer.parseInt(parts[1]);
        String imageId = wholeSpace ? null : parts[2];
        served.forget(customer, space, imageId);
        scheduler.schedule(() -> served.forget(customer, space, imageId), SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
