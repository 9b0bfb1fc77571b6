package dlcs.iiif.control;

import dlcs.nodes.control.Broadcast;
import dlcs.nodes.entity.NodeNews;
import dlcs.registration.control.ImageChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
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
 */
@ApplicationScoped
public class ImageNews {

    static final String KIND = "image-changed";
    /** Longer than the two branches of a commit take to finish one after the other. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(ImageNews.class.getName());

    @Inject
    Broadcast broadcast;

    @Inject
    ServedImages served;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.cache-seconds", defaultValue = "300")
    long cacheSeconds;

    /** In the transaction of the change: the news leaves if, and when, it commits. */
    void announce(@Observes ImageChanged changed) {
        broadcast.send(new NodeNews(KIND, changed.customer() + "/" + changed.space() + "/" + changed.imageId()),
                Duration.ofSeconds(Math.max(1, cacheSeconds)));
    }

    /** On every node, the announcing one too: forgets the image, under any name it was asked for. */
    void heard(@Observes NodeNews news) {
        if (!news.is(KIND)) {
            return;
        }
        String[] parts = news.subject().split("/", 3);
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,9}")) {
            LOG.severe("Ignoring news of an image that names none: " + news.subject());
            return;
        }
        long customer = Long.parseLong(parts[0]);
        int space = Integer.parseInt(parts[1]);
        String imageId = parts[2];
        served.forget(customer, space, imageId);
        scheduler.schedule(() -> served.forget(customer, space, imageId), SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
