package dlcs.common;

import java.util.concurrent.atomic.LongAdder;

/**
 * How often a cache had what was asked of it, and how often not: each cache keeps one, and the
 * feature above it shows them as figures ({@code dlcs.metrics}), which the lower layers (storage,
 * imaging) may not know of. Counting costs an uncontended add: caches sit on the delivery path.
 */
public final class CacheCounts {

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public void hit() {
        hits.increment();
    }

    public void miss() {
        misses.increment();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }
}
