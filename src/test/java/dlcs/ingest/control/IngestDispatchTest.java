package dlcs.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IngestDispatchTest {

    @Test
    void eachPowerOfTenOfACustomersBacklogIsOnePriorityLower() {
        assertEquals(8, IngestDispatch.priorityFor(0));
        assertEquals(8, IngestDispatch.priorityFor(9));
        assertEquals(7, IngestDispatch.priorityFor(10));
        assertEquals(7, IngestDispatch.priorityFor(99));
        assertEquals(6, IngestDispatch.priorityFor(100));
        assertEquals(4, IngestDispatch.priorityFor(10_000));
        assertEquals(3, IngestDispatch.priorityFor(100_000));
        assertEquals(0, IngestDispatch.priorityFor(100_000_000));
        assertEquals(0, IngestDispatch.priorityFor(Long.MAX_VALUE));
        assertEquals(8, IngestDispatch.priorityFor(-5));
    }

    @Test
    void aBatchOfTenFromAnIdleCustomerOutranksAllButTheFirstTenOfAnothersBacklog() {
        for (long position = 0; position < 10; position++) {
            assertEquals(IngestDispatch.HIGHEST, IngestDispatch.priorityFor(position));
        }
        for (long position = 10; position < 100_000; position += 7) {
            assertTrue(IngestDispatch.priorityFor(position) < IngestDispatch.HIGHEST);
        }
    }
}
