package dlcs.ingest.control;

import dlcs.common.ConflictException;
import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.BatchMember;
import dlcs.ingest.entity.IngestMessage;
import dlcs.ingest.entity.MemberStatus;
import dlcs.registration.control.ImageStore;
import dlcs.registration.control.ImageTakenOver;
import dlcs.registration.control.SpaceStore;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.Space;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepting a batch: in one JTA transaction the batch, its members and their images (marked
 * ingesting) are stored and one persistent JSON message per member is sent; the messages leave
 * only if the transaction commits, so a batch is either wholly queued or not at all.
 */
@ApplicationScoped
public class BatchIntake {

    /** Member keys bound in one query: far below any database's limit on parameters. */
    static final int MEMBERS_PER_QUERY = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    IngestDispatch dispatch;

    @Inject
    StuckMembers stuck;

    @Inject
    SpaceStore spaces;

    @Inject
    ImageStore images;

    @Inject
    BatchStore batches;

    /** Stores and queues an already validated batch. */
    @Transactional
    public Batch accept(long customer, List<QueuedImage> members, boolean priority) {
        long backlog = batches.imagesWaiting(customer, priority);
        Batch batch = new Batch(customer, members.size(), priority);
        em.persist(batch);
        em.flush();
        Map<String, Image> existing = images.findAll(members.stream()
                .map(member -> Image.keyOf(customer, member.space(), member.imageId())).toList());
        readHoldingMembers(existing.values());
        Map<Integer, Space> spacesByNumber = new HashMap<>();
        int position = 0;
        for (QueuedImage member : members) {
            Space space = spacesByNumber.computeIfAbsent(member.space(), number -> spaces.get(customer, number));
            Image image = images.queue(space, member.imageId(), member.metadata(), batch.id(), existing);
            em.persist(new BatchMember(batch.id(), image.key(), position));
            dispatch.send(new IngestMessage(batch.id(), image.key()), priority, backlog + position);
            position++;
        }
        return batch;
    }

    /**
     * Reads the members of earlier batches that hold {@code images}, a few hundred to a query, into
     * the persistence context, where {@link #onTakenOver} then finds them without a round trip each.
     */
    private void readHoldingMembers(Collection<Image> images) {
        List<String> keys = images.stream().filter(image -> image.batch() != null)
                .map(image -> BatchMember.keyOf(image.batch(), image.key())).toList();
        for (int from = 0; from < keys.size(); from += MEMBERS_PER_QUERY) {
            em.createQuery("select m from BatchMember m where m.key in :keys", BatchMember.class)
                    .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + MEMBERS_PER_QUERY)))
                    .getResultList();
        }
    }

    /**
     * Sends the failed members of a batch round again, and those stuck without a message (see
     * {@link StuckMembers}); returns how many.
     */
    @Transactional
    public int retryFailed(long customer, long batchId) {
        Batch batch = batches.get(customer, batchId);
        List<BatchMember> failed = batches.members(batchId, MemberStatus.ERROR, 0, Integer.MAX_VALUE);
        long backlog = batches.imagesWaiting(customer, batch.priority());
        int requeued = 0;
        int stillFailed = 0;
        for (BatchMember member : failed) {
            // Two retries at once both read this member as failed; locking it and reading it
            // again lets only the first send it round, so the batch's error count moves once.
            em.refresh(member, LockModeType.PESSIMISTIC_WRITE);
            if (member.status() != MemberStatus.ERROR) {
                continue;
            }
            stillFailed++;
            Image image = em.find(Image.class, member.imageKey());
            if (image == null || !image.isHeldBy(batchId)) {
                // registered again since, or deleted: this batch no longer answers for it
                batches.release(member);
                continue;
            }
            member.requeue();
            image.requeue(batchId);
            dispatch.send(new IngestMessage(batchId, member.imageKey()), batch.priority(), backlog + requeued);
            requeued++;
        }
        if (requeued > 0) {
            batches.reopen(batchId, requeued);
        }
        int resent = stuck.resendOf(batchId);
        if (stillFailed == 0 && resent == 0) {
            throw new ConflictException("Batch " + batchId + " has no failed members to retry, and none is stuck"
                    + " without its message.");
        }
        return requeued + resent;
    }

    /**
     * A waiting member whose image was registered again elsewhere leaves its batch. A failed one
     * stays an error: that attempt did fail, and the batch's report says so.
     */
    void onTakenOver(@Observes ImageTakenOver event) {
        BatchMember member = em.find(BatchMember.class, BatchMember.keyOf(event.batch(), event.imageKey()));
        if (member != null && member.status() == MemberStatus.QUEUED) {
            batches.release(member);
        }
    }
}
