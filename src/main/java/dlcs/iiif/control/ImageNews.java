package dlcs.iiif.control;

import dlcs.nodes.control.Broadcast;
import dlcs.nodes.entity.NodeNews;
import dlcs.registration.control.ImageChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries image changes to the delivery caches of every node: a change is announced on the news
 * topic in its own transaction, and each node that hears it forgets the image ({@link
 * ServedImages#forget(long, int, String)}). The news lives as long as a cache entry, {@code
 * dlcs.iiif.cache-seconds}: a node that could not hear it sooner has let the entry expire anyway.
 */
@ApplicationScoped
public class ImageNews {

    static final String KIND = "image-changed";
    private static final Logger LOG = Logger.getLogger(ImageNews.class.getName());

    @Inject
    Broadcast broadcast;

    @Inject
    ServedImages served;

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
        try {
            served.forget(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), parts[2]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            LOG.severe("Ignoring news of an image that names none: " + news.subject());
        }
    }
}
