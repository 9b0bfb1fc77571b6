package dlcs.storage.control;

import dlcs.common.CacheCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Byte ranges kept in memory, least recently used first out, within a byte budget. Split into
 * segments, each with its own lock and an equal share of the budget, so that concurrent reads
 * rarely wait for each other; a range larger than a segment's share is not kept. The arrays
 * handed out are the cached ones: callers never write to them.
 */
final class MemoryCache {

    private static final int SEGMENTS = 16;
    private final Segment[] segments = new Segment[SEGMENTS];
    private final CacheCounts counts = new CacheCounts();

    /** A cache of at most {@code maxBytes} of data; 0 turns it off. */
    MemoryCache(long maxBytes) {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(maxBytes / SEGMENTS);
        }
    }

    byte[] get(String key) {
        byte[] bytes = segment(key).get(key);
        if (bytes != null) {
            counts.hit();
        } else {
            counts.miss();
        }
        return bytes;
    }

    /** How often {@link #get} found what it was asked for. */
    CacheCounts counts() {
        return counts;
    }

    void put(String key, byte[] bytes) {
        segment(key).put(key, bytes);
    }

    /** The bytes held now, for tests and logs. */
    long bytes() {
        long total = 0;
        for (Segment segment : segments) {
            total += segment.bytes();
        }
        return total;
    }

    private Segment segment(String key) {
        return segments[Math.floorMod(key.hashCode(), SEGMENTS)];
    }

    private static final class Segment {
        private final long maxBytes;
        private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        Segment(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized byte[] get(String key) {
            return entries.get(key);
        }

        synchronized long bytes() {
            return bytes;
        }

        synchronized void put(String key, byte[] value) {
            if (value.length > maxBytes) {
                return;
            }
            byte[] previous = entries.put(key, value);
            bytes += value.length - (previous == null ? 0 : previous.length);
            var eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                Map.Entry<String, byte[]> out = eldest.next();
                bytes -= out.getValue().length;
                eldest.remove();
            }
        }
    }
}
