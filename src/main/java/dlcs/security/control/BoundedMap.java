package dlcs.security.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most {@code capacity} entries, which drops its eldest entry (the one put longest
 * ago) to make room for a new one: memory that requests from outside fill stays bounded whatever
 * they send. Not thread-safe: its owner locks.
 */
final class BoundedMap<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    BoundedMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Puts {@code value} as the newest entry, whether or not {@code key} was there. */
    void putNewest(K key, V value) {
        remove(key);
        put(key, value);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
