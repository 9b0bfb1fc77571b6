package dlcs.ingest.control;

import dlcs.common.ClientError;
import dlcs.ingest.entity.BatchMember;
import dlcs.ingest.entity.IngestMessage;
import dlcs.ingest.entity.MemberStatus;
import dlcs.logging.control.IngestLog;
import dlcs.logging.entity.IngestOutcome;
import dlcs.registration.control.ImageRegistrar;
import dlcs.registration.control.ImageStore;
import dlcs.registration.control.PreparedDerivative;
import dlcs.registration.entity.Image;
import dlcs.usage.control.QuotaExceededException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ingests one queued member inside the message's transaction, with the same pipeline as
 * immediate registration. Success and permanent failures are recorded in that transaction, so
 * the message is acknowledged exactly when the outcome is stored; a transient failure throws
 * {@link RetryableIngestException}, the transaction rolls back and the broker redelivers the
 * message after its back-off, until it gives up and dead-letters it.
 */
@ApplicationScoped
public class IngestWorker {

    private static final Logger LOG = Logger.getLogger(IngestWorker.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ImageRegistrar registrar;

    @Inject
    ImageStore images;

    @Inject
    BatchStore batches;

    @Inject
    AttemptLog attempts;

    /**
     * Ingests the member of {@code message} and records its outcome. When another request changed
     * the member or its image at the same moment (or the two waited on each other's row locks),
     * nothing is kept and the broker redelivers the message after its back-off: the outcome is
     * flushed here, where that can be caught, rather than at the commit, where the failure would
     * reach the broker as an exception and cost the message's session.
     */
    public void process(IngestMessage message) {
        attempts.begin(BatchMember.keyOf(message.batch(), message.imageKey()));
        try {
            ingest(message);
            em.flush();
        } catch (PersistenceException e) {
            LOG.log(Level.WARNING, "The outcome of " + message.imageKey() + " (batch " + message.batch()
                    + ") met a concurrent change; it will be processed again", e);
            throw new RetryableIngestException("Another request changed the image or its batch at the same time.");
        }
    }

    private void ingest(IngestMessage message) {
        BatchMember member = em.find(BatchMember.class, BatchMember.keyOf(message.batch(), message.imageKey()));
        if (member == null) {
            LOG.warning("Ignoring a message for an unknown batch member: " + message.toJson());
            return;
        }
        if (member.status() != MemberStatus.QUEUED) {
            return;
        }
        Image image = em.find(Image.class, message.imageKey());
        if (image == null || !image.isHeldBy(message.batch())) {
            batches.release(member);
            return;
        }
        long start = System.nanoTime();
        IngestOutcome outcome = null;
        try {
            outcome = attempt(member, image);
            em.flush();
        } catch (RetryableIngestException e) {
            outcome = IngestOutcome.retried(e.getCause() != null ? e.getCause() : e);
            throw e;
        } catch (RuntimeException e) {
            outcome = IngestOutcome.retried(e);
            throw e;
        } finally {
            IngestLog.write(image.customer(), image.space(), image.imageId(), image.origin(), message.batch(), start, outcome);
        }
    }

    /** Fetches and makes the derivative, and records how that ended; a transient failure throws. */
    private IngestOutcome attempt(BatchMember member, Image image) {
        PreparedDerivative prepared;
        try {
            prepared = registrar.prepareFromOrigin(image.customer(), image.space(), image.imageId(), image.origin());
        } catch (ClientError e) {
            if (e.isTransient()) {
                throw retry(member, e.getMessage(), e);
            }
            fail(member, image, e.getMessage());
            return IngestOutcome.error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ingest of " + image.key() + " failed; it will be retried", e);
            throw retry(member, "The server failed to process the image: " + e, e);
        }
        return complete(member, image, prepared);
    }

    private IngestOutcome complete(BatchMember member, Image image, PreparedDerivative prepared) {
        Image current;
        try {
            current = lockIfStillHeld(member, image);
        } catch (PersistenceException e) {
            registrar.discard(prepared.location());
            throw e;
        }
        if (current == null) {
            registrar.discard(prepared.location());
            return IngestOutcome.superseded();
        }
        try {
            images.recordDerivative(current, prepared);
        } catch (QuotaExceededException e) {
            // permanent until images are deleted or the policy raised: the member's error, not a retry
            registrar.discard(prepared.location());
            fail(member, current, e.getMessage());
            return IngestOutcome.error(e);
        }
        member.complete();
        batches.countCompleted(member.batch());
        return IngestOutcome.completed(prepared.masterBytes());
    }

    /** Records a permanent failure: the member is an error, the batch counts it. */
    void fail(BatchMember member, Image image, String reason) {
        Image current = lockIfStillHeld(member, image);
        if (current == null) {
            return;
        }
        member.fail(reason);
        current.failIngest(reason);
        batches.countError(member.batch());
    }

    /**
     * The image as it is now, its row locked until this transaction ends, if this member's batch
     * still holds it; null if not. The fetch took a while: meanwhile a PATCH may have changed the
     * image's metadata (recording the outcome over the version read before would fail at commit,
     * and leave the broker to redeliver a message whose session had failed), or another
     * registration may have taken the image over, or a DELETE removed it (either released the
     * member, which is read again).
     */
    private Image lockIfStillHeld(BatchMember member, Image image) {
        em.detach(image);
        Image current = em.find(Image.class, image.key(), LockModeType.PESSIMISTIC_WRITE);
        if (current != null && current.isHeldBy(member.batch())) {
            return current;
        }
        em.refresh(member);
        return null;
    }

    private RetryableIngestException retry(BatchMember member, String reason, Throwable cause) {
        attempts.record(member.key(), reason);
        return new RetryableIngestException(reason, cause);
    }

    /** The broker gave up on this member: it is an error, with the last reason it failed. */
    public void giveUp(IngestMessage message) {
        BatchMember member = em.find(BatchMember.class, BatchMember.keyOf(message.batch(), message.imageKey()));
        if (member == null || member.status() != MemberStatus.QUEUED) {
            return;
        }
        Image image = em.find(Image.class, message.imageKey());
        String reason = "Gave up after " + Math.max(1, member.attempts()) + " attempts: "
                + (member.error() != null ? member.error() : "the message could not be processed.");
        if (image == null || !image.isHeldBy(message.batch())) {
            batches.release(member);
            return;
        }
        fail(member, image, reason);
    }
}
