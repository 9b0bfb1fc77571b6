package dlcs.ingest.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The members counted by status, as a batch's test compares them with the batch's counters. */
class MemberTallyTest {

    @Test
    void countsEveryStatusAndTheTotal() {
        MemberTally tally = MemberTally.of(Map.of(MemberStatus.QUEUED, 8L, MemberStatus.ERROR, 1L));
        assertEquals(new MemberTally(9, 0, 1, 0), tally);
        assertFalse(tally.allAccounted(), "8 still wait");
    }

    @Test
    void aNewBatchAgreesWithItsWaitingMembersAndNotWithOthers() {
        Batch batch = new Batch(2, 3, false);
        assertTrue(MemberTally.of(Map.of(MemberStatus.QUEUED, 3L)).agreesWith(batch));
        assertFalse(MemberTally.of(Map.of(MemberStatus.QUEUED, 2L, MemberStatus.COMPLETED, 1L)).agreesWith(batch),
                "a member completed that the counter missed");
        assertFalse(MemberTally.of(Map.of(MemberStatus.QUEUED, 4L)).agreesWith(batch), "a member more than counted");
    }

    @Test
    void everyMemberEndedCompletedFailedOrSuperseded() {
        assertTrue(MemberTally.of(Map.of(MemberStatus.COMPLETED, 5L, MemberStatus.ERROR, 2L,
                MemberStatus.SUPERSEDED, 1L)).allAccounted());
        assertTrue(MemberTally.of(Map.of()).allAccounted(), "no members, nothing to wait for");
    }
}
