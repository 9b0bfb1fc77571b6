package dlcs.security.control;

import dlcs.nodes.control.Broadcast;
import dlcs.nodes.entity.NodeNews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Carries a deleted key, or a key given a new secret, to every node: each remembers successful
 * sign-ins for {@link Authenticator#REMEMBER}, and must forget that key as soon as the change
 * commits, not when its memory runs out. The news lives as long as that memory.
 */
@ApplicationScoped
public class KeyNews {

    static final String KIND = "key-changed";

    @Inject
    Broadcast broadcast;

    @Inject
    Authenticator authenticator;

    /** In the transaction of the change: the news leaves if, and when, it commits. */
    void announce(@Observes KeyChanged changed) {
        broadcast.send(new NodeNews(KIND, changed.key()), Authenticator.REMEMBER);
    }

    /** On every node, the announcing one too. */
    void heard(@Observes NodeNews news) {
        if (news.is(KIND)) {
            authenticator.forget(news.subject());
        }
    }
}
