package dlcs.ingest.control;

import dlcs.common.UnknownResourceException;
import dlcs.ingest.entity.Batch;
import dlcs.ingest.entity.BatchMember;
import dlcs.ingest.entity.MemberStatus;
import dlcs.ingest.entity.MemberTally;
import dlcs.persistence.DatabaseClock;
import dlcs.registration.control.ImageQuery;
import dlcs.registration.entity.Image;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Batches and their members. Counters move only by single SQL increments, each followed by
 * the check that finishes the batch, all inside the caller's transaction: the row lock taken
 * by the increment orders concurrent workers, so no update is lost and exactly the last one
 * sets {@code finished}.
 */
@ApplicationScoped
public class BatchStore {

    @PersistenceContext
    EntityManager em;

    public Batch get(long customer, long batch) {
        Batch found = em.find(Batch.class, batch);
        if (found == null || found.customer() != customer) {
            throw new UnknownResourceException("Customer " + customer + " has no batch " + batch + ".");
        }
        return found;
    }

    public void countCompleted(long batch) {
        increment(batch, "completed", 1);
    }

    public void countError(long batch) {
        increment(batch, "errors", 1);
    }

    /**
     * The one way a member leaves its batch: its image was registered again by other means, or
     * deleted, so this batch no longer answers for it. A waiting member stops counting as waiting,
     * a failed one as an error; either now counts as superseded.
     */
    public void release(BatchMember member) {
        MemberStatus was = member.status();
        if (was != MemberStatus.QUEUED && was != MemberStatus.ERROR) {
            throw new IllegalStateException("Only a waiting or failed member can be released, not " + was);
        }
        member.supersede();
        if (was == MemberStatus.ERROR) {
            increment(member.batch(), "errors", -1);
        }
        increment(member.batch(), "supersededCount", 1);
    }

    /** Failed members go back to the queue: they no longer count as errors, and the batch is open again. */
    public void reopen(long batch, int requeued) {
        em.createQuery("update Batch b set b.errors = b.errors - :n, b.finished = null where b.id = :id")
                .setParameter("n", requeued).setParameter("id", batch).executeUpdate();
    }

    private void increment(long batch, String counter, int by) {
        em.createQuery("update Batch b set b." + counter + " = b." + counter + " + :n where b.id = :id")
                .setParameter("n", by).setParameter("id", batch).executeUpdate();
        em.createQuery("update Batch b set b.finished = :now where b.id = :id and b.finished is null"
                        + " and b.completed + b.errors + b.supersededCount >= b.count")
                .setParameter("now", DatabaseClock.now()).setParameter("id", batch).executeUpdate();
    }

    public List<Batch> list(long customer, Boolean finished, boolean byFinish, int first, int max) {
        TypedQuery<Batch> query = em.createQuery("select b from Batch b where b.customer = :c" + finishedFilter(finished)
                + (byFinish ? " order by b.finished desc, b.id desc" : " order by b.id desc"), Batch.class);
        return query.setParameter("c", customer).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(long customer, Boolean finished) {
        return em.createQuery("select count(b) from Batch b where b.customer = :c" + finishedFilter(finished), Long.class)
                .setParameter("c", customer).getSingleResult();
    }

    /** Images still waiting in the customer's unfinished batches of one queue (priority or normal). */
    public long imagesWaiting(long customer, boolean priority) {
        return waiting(customer, priority).images();
    }

    /** How many batches have not finished, and how many of their images have not ended. */
    public record Waiting(long batches, long images) {
    }

    /**
     * What waits in the unfinished batches of one customer, or of all ({@code customer} null), on
     * the priority queue, the normal one, or both ({@code priority} null). The priority is grouped
     * by, not compared: EclipseLink's H2 platform writes a boolean as 1, pasted into the JPQL or
     * bound as a parameter alike, and H2 refuses to compare its BOOLEAN column with an integer.
     * The images are count - (completed + errors + superseded), in parentheses: EclipseLink nests
     * a chain of minus signs to the right, so that count - completed - errors would be
     * count - (completed - errors).
     */
    public Waiting waiting(Long customer, Boolean priority) {
        TypedQuery<Object[]> query = em.createQuery("select b.priority, count(b), sum(b.count - (b.completed"
                + " + b.errors + b.supersededCount)) from Batch b where b.finished is null"
                + (customer == null ? "" : " and b.customer = :c") + " group by b.priority", Object[].class);
        if (customer != null) {
            query.setParameter("c", customer);
        }
        long batches = 0;
        long images = 0;
        for (Object[] row : query.getResultList()) {
            boolean rowPriority = row[0] instanceof Boolean flag ? flag : ((Number) row[0]).intValue() != 0;
            if (priority == null || priority == rowPriority) {
                batches += ((Number) row[1]).longValue();
                images += ((Number) row[2]).longValue();
            }
        }
        return new Waiting(batches, images);
    }

    /** Members of a batch counted by their status. */
    public MemberTally tally(long batch) {
        Map<MemberStatus, Long> byStatus = new EnumMap<>(MemberStatus.class);
        for (Object[] row : em.createQuery("select m.status, count(m) from BatchMember m where m.batch = :b"
                        + " group by m.status", Object[].class)
                .setParameter("b", batch).getResultList()) {
            byStatus.put((MemberStatus) row[0], ((Number) row[1]).longValue());
        }
        return MemberTally.of(byStatus);
    }

    /** Every member of a batch (of {@code status}, or all) in position order, whether or not its image still exists. */
    public List<BatchMember> members(long batch, MemberStatus status, int first, int max) {
        TypedQuery<BatchMember> query = em.createQuery("select m from BatchMember m where m.batch = :b"
                + (status == null ? "" : " and m.status = :s") + " order by m.position", BatchMember.class);
        query.setParameter("b", batch);
        if (status != null) {
            query.setParameter("s", status);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** A member of a batch with its image as it is now. */
    public record MemberImage(BatchMember member, Image image) {
    }

    /**
     * A page of a batch's members (of {@code status}, or all) whose images pass {@code query}'s
     * filter, in its order or else by position. A member whose image has since been deleted is
     * not listed: the batch's images are those that exist.
     */
    public List<MemberImage> withImages(long batch, MemberStatus status, ImageQuery query, int first, int max) {
        TypedQuery<Object[]> typed = em.createQuery("select m, i" + memberQuery(status, query)
                + query.orderClause("i", "m.position"), Object[].class);
        bindMembers(typed, batch, status, query);
        return typed.setFirstResult(first).setMaxResults(max).getResultStream()
                .map(row -> new MemberImage((BatchMember) row[0], (Image) row[1])).toList();
    }

    public long countWithImages(long batch, MemberStatus status, ImageQuery query) {
        TypedQuery<Long> typed = em.createQuery("select count(m)" + memberQuery(status, query), Long.class);
        bindMembers(typed, batch, status, query);
        return typed.getSingleResult();
    }

    private static String memberQuery(MemberStatus status, ImageQuery query) {
        return " from BatchMember m, Image i where i.key = m.imageKey and m.batch = :b"
                + (status == null ? "" : " and m.status = :s") + query.filter().conditions("i");
    }

    private static void bindMembers(TypedQuery<?> typed, long batch, MemberStatus status, ImageQuery query) {
        typed.setParameter("b", batch);
        if (status != null) {
            typed.setParameter("s", status);
        }
        query.filter().bind(typed);
    }

    /**
     * Waiting members (of one batch, or of all when {@code batch} is null) that nothing has
     * happened to since {@code before}: no message sent, no attempt begun. Oldest first.
     */
    public List<BatchMember> quietSince(Long batch, Instant before, int max) {
        TypedQuery<BatchMember> query = em.createQuery("select m from BatchMember m where m.status = :s"
                + (batch == null ? "" : " and m.batch = :b") + " and (m.sent is null or m.sent < :t)"
                + " and (m.attemptStarted is null or m.attemptStarted < :t) order by m.sent", BatchMember.class)
                .setParameter("s", MemberStatus.QUEUED).setParameter("t", before);
        if (batch != null) {
            query.setParameter("b", batch);
        }
        return query.setMaxResults(max).getResultList();
    }

    private static String finishedFilter(Boolean finished) {
        if (finished == null) {
            return "";
        }
        return finished ? " and b.finished is not null" : " and b.finished is null";
    }
}
