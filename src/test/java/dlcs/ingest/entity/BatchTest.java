package dlcs.ingest.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A new batch as it is stored; its counters move only by SQL, tested end to end in QueueIT. */
class BatchTest {

    @Test
    void aNewBatchWaitsForEveryMemberAndHasNoEstimateYet() {
        Batch batch = new Batch(2, 10, false);
        assertEquals(10, batch.count());
        assertEquals(0, batch.completed() + batch.errors() + batch.supersededCount());
        assertFalse(batch.superseded());
        assertNull(batch.finished());
        assertNull(batch.estimatedCompletion(Instant.now()), "no estimate before any progress");
    }
}
