package dlcs.ingest.control;

import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.BatchMember;
import dlcs.ingest.entity.IngestMessage;
import dlcs.ingest.entity.MemberStatus;
import dlcs.registration.control.ConflictException;
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
            String key = Image.keyOf(customer, member.space(), member.imageId());
            Image image = em.find(Image.class, key);
            if (image == null) {
                image = new Image(customer, member.space(), member.imageId());
                em.persist(image);
            } else {
                Long heldBy = image.releaseFromBatch();
                if (heldBy != null) {
                    supersede(key, heldBy);
                }
            }
            image.queue(member.metadata(), space, batch.id());
            em.persist(new BatchMember(batch.id(), key, position++));
            producer.send(queue, new IngestMessage(batch.id(), key).toJson());
        }
        return batch;
    }

    /** Sends the failed members of a batch round again; returns how many. */
    @Transactional
    public int retryFailed(long customer, long batchId) {
        Batch batch = batches.get(customer, batchId);
        List<BatchMember> failed = em.createQuery("select m from BatchMember m where m.batch = :b and m.status = :s",
                        BatchMember.class)
                .setParameter("b", batchId).setParameter("s", MemberStatus.ERROR).getResultList();
        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        Queue queue = batch.priority() ? priorityQueue : normalQueue;
        int requeued = 0;
        int released = 0;
        for (BatchMember member : failed) {
            Image image = em.find(Image.class, member.imageKey());
            if (image == null || !image.isHeldBy(batchId)) {
                // registered again since, or deleted: this batch no longer answers for it
                member.supersede();
                released++;
                continue;
            }
            member.requeue();
            image.requeue(batchId);
            producer.send(queue, new IngestMessage(batchId, member.imageKey()).toJson());
            requeued++;
        }
        if (requeued + released == 0) {
            throw new ConflictException("Batch " + batchId + " has no failed members to retry.");
        }
        batches.reopen(batchId, requeued + released);
        for (int i = 0; i < released; i++) {
            batches.countSuperseded(batchId);
        }
        return requeued;
    }

    /** A batch member whose image was registered again elsewhere stops counting as waiting. */
    void onTakenOver(@Observes ImageTakenOver event) {
        supersede(event.imageKey(), event.batch());
    }

    private void supersede(String imageKey, long batch) {
        BatchMember member = em.find(BatchMember.class, BatchMember.keyOf(batch, imageKey));
        if (member != null && member.status() == MemberStatus.QUEUED) {
            member.supersede();
            batches.countSuperseded(batch);
        }
    }
}
