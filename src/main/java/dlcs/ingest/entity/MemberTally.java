package dlcs.ingest.entity;

import java.util.Map;

/**
 * A batch's members counted by status: what the batch's counters should say. Testing a batch
 * (the DLCS's {@code POST .../test}) compares the two and, where they have drifted apart,
 * writes these figures over the counters.
 */
public record MemberTally(int count, int completed, int errors, int superseded) {

    /** The tally of members counted per status; a status with no members may be missing. */
    public static MemberTally of(Map<MemberStatus, Long> byStatus) {
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new MemberTally(Math.toIntExact(total), get(byStatus, MemberStatus.COMPLETED),
                get(byStatus, MemberStatus.ERROR), get(byStatus, MemberStatus.SUPERSEDED));
    }

    private static int get(Map<MemberStatus, Long> byStatus, MemberStatus status) {
        return Math.toIntExact(byStatus.getOrDefault(status, 0L));
    }

    public boolean agreesWith(Batch batch) {
        return count == batch.count() && completed == batch.completed() && errors == batch.errors()
                && superseded == batch.supersededCount();
    }

    /** Every member has ended: completed, failed, or taken over by a later registration. */
    public boolean allAccounted() {
        return completed + errors + superseded >= count;
    }
}
