package dlcs.storage.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryCacheTest {

    /** Keys that land in one segment, so that one segment's share of the budget is what is tested. */
    private static String key(int n) {
        String key;
        int i = 0;
        do {
            key = "k" + n + "-" + i++;
        } while (Math.floorMod(key.hashCode(), 16) != 0);
        return key;
    }

    @Test
    void neverHoldsMoreThanItsBudget() {
        MemoryCache cache = new MemoryCache(16 * 1000);
        for (int n = 0; n < 100; n++) {
            cache.put(key(n), new byte[300]);
            assertTrue(cache.bytes() <= 16 * 1000, "held " + cache.bytes());
        }
        assertEquals(900, cache.bytes(), "a segment's share is 1000 bytes: three ranges of 300");
    }

    @Test
    void evictsTheLeastRecentlyUsed() {
        MemoryCache cache = new MemoryCache(16 * 1000);
        cache.put(key(1), new byte[400]);
        cache.put(key(2), new byte[400]);
        cache.get(key(1));
        cache.put(key(3), new byte[400]);
        assertArrayEquals(new byte[400], cache.get(key(1)), "used last, kept");
        assertNull(cache.get(key(2)), "least recently used, evicted");
        assertArrayEquals(new byte[400], cache.get(key(3)));
    }

    @Test
    void aRangeLargerThanASegmentsShareIsNotKept() {
        MemoryCache cache = new MemoryCache(16 * 1000);
        cache.put(key(1), new byte[1001]);
        assertNull(cache.get(key(1)));
        assertEquals(0, cache.bytes());
    }

    @Test
    void aBudgetOfNothingKeepsNothing() {
        MemoryCache cache = new MemoryCache(0);
        cache.put(key(1), new byte[1]);
        assertNull(cache.get(key(1)));
    }
}
