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
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = IngestQueues.NORMAL)
    Queue normalQueue;

    @Resource(lookup = IngestQueues.PRIORITY)
    Queue priorityQueue;

    @Inject
    SpaceStore spaces;

    @Inject
    ImageStore images;

    @Inject
    BatchStore batches;

    /** Stores and queues an already validated batch. */
    @Transactional
    public Batch accept(long customer, List<QueuedImage> members, boolean priority) {
        Batch batch = new Batch(customer, members.size(), priority);
        em.persist(batch);
        em.flush();
        Map<Integer, Space> spacesByNumber = new HashMap<>();
        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        Queue queue = priority ? priorityQueue : normalQueue;
        int position = 0;
        for (QueuedImage member : members) {
            Space space = spacesByNumber.computeIfAbsent(member.space(), number -> spaces.get(customer, number));
            Image image = images.queue(space, member.imageId(), member.metadata(), batch.id());
            em.persist(new BatchMember(batch.id(), image.key(), position++));
            producer.send(queue, new IngestMessage(batch.id(), image.key()).toJson());
        }
        return batch;
    }

    /** Sends the failed members of a batch round again; returns how many. */
    @Transactional
    public int retryFailed(long customer, long batchId) {
        Batch batch = batches.get(customer, batchId);
        List<BatchMember> failed = batches.members(batchId, MemberStatus.ERROR, 0, Integer.MAX_VALUE);
        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        Queue queue = batch.priority() ? priorityQueue : normalQueue;
        int requeued = 0;
        for (BatchMember member : failed) {
            Image image = em.find(Image.class, member.imageKey());
            if (image == null || !image.isHeldBy(batchId)) {
                // registered again since, or deleted: this batch no longer answers for it
                batches.release(member);
                continue;
            }
            member.requeue();
            image.requeue(batchId);
            producer.send(queue, new IngestMessage(batchId, member.imageKey()).toJson());
            requeued++;
        }
        if (failed.isEmpty()) {
            throw new ConflictException("Batch " + batchId + " has no failed members to retry.");
        }
        if (requeued > 0) {
            batches.reopen(batchId, requeued);
        }
        return requeued;
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
