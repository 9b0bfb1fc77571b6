package dlcs.ingest.control;

import dlcs.common.ClientError;
import dlcs.registration.control.IngestFailure;
import dlcs.ingest.entity.BatchMember;
import dlcs.ingest.entity.IngestMessage;
import dlcs.ingest.entity.MemberStatus;
import dlcs.logging.control.IngestLog;
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

    @Inject
    IngestMeter meter;

    /**
     * Ingests the member of {@code message} and records its outcome. When another request changed
     * the member or its image at the same moment (or the two waited on each other's row locks),
     * nothing is kept and the broker redelivers the message after its back-off: the outcome is
     * flushed here, where that can be caught, rather than at the commit, where the failure would
     * reach the broker as an exception and cost the message's session. How it ended goes to the
     * figures ({@link IngestMeter}), whichever way it ends.
     */
    public void process(IngestMessage message) {
        attempts.begin(BatchMember.keyOf(message.batch(), message.imageKey()));
        long start = System.nanoTime();
        IngestOutcome outcome = IngestOutcome.retried(IngestFailure.SERVER_ERROR);
        Image image = null;
        try {
            BatchMember member = queuedMember(message);
            image = member == null ? null : heldImage(member, message);
            outcome = image == null ? IngestOutcome.NOTHING : attempt(member, image);
            em.flush();
        } catch (RetryableIngestException e) {
            outcome = IngestOutcome.retried(e.failure());
            throw e;
        } catch (PersistenceException e) {
            outcome = IngestOutcome.retried(IngestFailure.CONFLICT);
            LOG.log(Level.WARNING, "The outcome of " + message.imageKey() + " (batch " + message.batch()
                    + ") met a concurrent change; it will be processed again", e);
            throw new RetryableIngestException(IngestFailure.CONFLICT,
                    "Another request changed the image or its batch at the same time.");
        } finally {
            meter.ended(outcome, System.nanoTime() - start);
            if (image != null) {
                log(image, message, start, outcome);
            }
        }
    }

    /** The member of {@code message} if it still waits in the queue; null if it has ended or is unknown. */
    private BatchMember queuedMember(IngestMessage message) {
        BatchMember member = em.find(BatchMember.class, BatchMember.keyOf(message.batch(), message.imageKey()));
        if (member == null) {
            LOG.warning("Ignoring a message for an unknown batch member: " + message.toJson());
            return null;
        }
        return member.status() == MemberStatus.QUEUED ? member : null;
    }

    /**
     * The member's image if its batch still holds it; null (and the member released) if another
     * registration took it over or a deletion removed it.
     */
    private Image heldImage(BatchMember member, IngestMessage message) {
        Image image = em.find(Image.class, message.imageKey());
        if (image == null || !image.isHeldBy(message.batch())) {
            batches.release(member);
            return null;
        }
        return image;
    }

    /** Fetches the master and makes the derivative, and records how that ended; a transient failure throws. */
    private IngestOutcome attempt(BatchMember member, Image image) {
        PreparedDerivative prepared;
        try {
            prepared = registrar.prepareFromOrigin(image.customer(), image.space(), image.imageId(), image.origin());
        } catch (ClientError e) {
            if (e.isTransient()) {
                throw retry(member, IngestFailure.of(e), e.getMessage());
            }
            return fail(member, image, IngestFailure.of(e), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ingest of " + image.key() + " failed; it will be retried", e);
            throw retry(member, IngestFailure.SERVER_ERROR, "The server failed to process the image: " + e);
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
            return IngestOutcome.NOTHING;
        }
        try {
            images.recordDerivative(current, prepared);
        } catch (QuotaExceededException e) {
            // permanent until images are deleted or the policy raised: the member's error, not a retry
            registrar.discard(prepared.location());
            return fail(member, current, IngestFailure.QUOTA, e.getMessage());
        }
        member.complete();
        batches.countCompleted(member.batch());
        return IngestOutcome.completed(prepared.masterBytes());
    }

    /** Records a permanent failure: the member is an error, the batch counts it. */
    IngestOutcome fail(BatchMember member, Image image, IngestFailure failure, String reason) {
        Image current = lockIfStillHeld(member, image);
        if (current == null) {
            return IngestOutcome.NOTHING;
        }
        member.fail(reason);
        current.failIngest(reason);
        batches.countError(member.batch());
        return IngestOutcome.failed(failure);
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

    private RetryableIngestException retry(BatchMember member, IngestFailure failure, String reason) {
        attempts.record(member.key(), reason);
        return new RetryableIngestException(failure, reason);
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
        IngestOutcome outcome = fail(member, image, IngestFailure.GAVE_UP, reason);
        meter.ended(outcome, 0);
        log(image, message, System.nanoTime(), outcome);
    }

    private static void log(Image image, IngestMessage message, long startNanos, IngestOutcome outcome) {
        IngestLog.write(image.customer(), image.space(), image.imageId(), image.origin(), message.batch(), startNanos,
                outcome.ending().logWord(), outcome.failure() == null ? null : outcome.failure().label(),
                outcome.masterBytes());
    }
}
