package dlcs.ingest.control;

import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.BatchMember;
import dlcs.ingest.entity.IngestMessage;
import dlcs.registration.entity.Image;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database is the record; the broker only carries work. A member still waiting after
 * {@code dlcs.queue.stuck-after-seconds} with no message sent and no attempt begun in that time,
 * and no message of its own in the queues, has lost its message (a broker journal deleted or
 * restored from an older backup) and is sent again; after a start with a new journal ({@link
 * BrokerJournal}), every member sent before it is one at once. Processing a member twice is harmless: the
 * second attempt to record it fails on the member's version and rolls back, its files with it.
 */
@ApplicationScoped
public class StuckMembers {

    private static final Logger LOG = Logger.getLogger(StuckMembers.class.getName());
    private static final int MAX_PER_ROUND = 1000;
    private static final int MAX_BROWSED = 200_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    BatchStore batches;

    @Inject
    QueueContents queues;

    @Inject
    IngestDispatch dispatch;

    @Inject
    BrokerJournal journal;

    @Inject
    @ConfigProperty(name = "dlcs.queue.stuck-after-seconds", defaultValue = "1800")
    long stuckAfterSeconds;

    /** Sends again the stuck members of every batch; returns how many. */
    @Transactional
    public int resendAll() {
        return resend(batches.quietSince(null, cutoff(), MAX_PER_ROUND));
    }

    /** Sends again the stuck members of {@code batch}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resendOf(long batch) {
        return resend(batches.quietSince(batch, cutoff(), MAX_PER_ROUND));
    }

    private Instant cutoff() {
        Instant usual = Instant.now().minus(Duration.ofSeconds(stuckAfterSeconds));
        return journal.lostBefore().filter(usual::isBefore).orElse(usual);
    }

    private int resend(List<BatchMember> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        Optional<Set<String>> waiting;
        try {
            waiting = queues.waitingMembers(MAX_BROWSED);
        } catch (JMSException e) {
            LOG.warning("Cannot browse the ingest queues, so no stuck member is sent again this time: " + e);
            return 0;
        }
        if (waiting.isEmpty()) {
            LOG.info("More than " + MAX_BROWSED + " ingest messages wait: stuck members are looked for when fewer do.");
            return 0;
        }
        Map<Long, Batch> owners = new HashMap<>();
        Map<Long, Long> backlogs = new HashMap<>();
        int resent = 0;
        for (BatchMember member : candidates) {
            if (waiting.get().contains(member.key())) {
                continue;
            }
            Image image = em.find(Image.class, member.imageKey());
            if (image == null || !image.isHeldBy(member.batch())) {
                batches.release(member);
                continue;
            }
            Batch batch = owners.computeIfAbsent(member.batch(), id -> em.find(Batch.class, id));
            long backlog = backlogs.merge(batch.customer(), 1L, Long::sum) - 1;
            member.resent();
            dispatch.send(new IngestMessage(member.batch(), member.imageKey()), batch.priority(), backlog);
            resent++;
        }
        if (resent > 0) {
            LOG.warning("Sent " + resent + " stuck batch members again: their messages were not in the queues.");
        }
        return resent;
    }
}
