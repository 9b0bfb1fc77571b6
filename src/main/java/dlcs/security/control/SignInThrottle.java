package dlcs.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Back-off after failed sign-ins, counted per key and per client address. After
 * {@code maxFailures} wrong secrets in a row for one key (or {@code maxFailuresPerAddress} from
 * one address, whatever the keys), every attempt is refused for {@code lockout}, and each further
 * failure doubles the wait, up to {@code maxLockout}: an attacker gets a few guesses an hour, and
 * a user whose key is attacked waits {@code maxLockout} at the most once the attack stops. A
 * refused attempt is not checked, so it costs no hashing and does not count.
 *
 * <p>A success starts the count of its key again. It does not reset its address's count: an
 * attacker with a key of its own could otherwise clear its address between guesses at other
 * keys. A count is forgotten {@link #FORGET_AFTER} after its last failure (or its lockout's end).
 * Each of the two tables holds at most {@code capacity} entries and drops the one that failed
 * longest ago to make room, and a key longer than any real one is counted by its digest, so
 * memory stays bounded whatever is sent.
 *
 * <p>The counts are also kept where every node sees them ({@link SharedCounts}): each failure is
 * written there, and before a check that would cost a hash this node takes in what all nodes
 * counted, so that failures anywhere count everywhere. Whatever the shared counts do, this node's
 * own go on counting ({@link FailSafeCounts}).
 */
public final class SignInThrottle {

    /** How long a count is kept after its last failure, or after its lockout ends. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /**
     * Keys are UUIDs (or configured names of at most this length); longer ones, and any with a
     * character outside printable ASCII (a NUL, which PostgreSQL refuses to store, would make the
     * shared counts fail for everybody), are kept as a digest of this length.
     */
    private static final int LONGEST_KEY = 64;

    private record Count(int failures, Instant last, Instant lockedUntil) {

        Instant forgotten() {
            return (lockedUntil.isAfter(last) ? lockedUntil : last).plus(FORGET_AFTER);
        }
    }

    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration lockout;
    private final Duration maxLockout;
    private final int capacity;
    private final BoundedMap<String, Count> keys;
    private final BoundedMap<String, Count> addresses;
    private final SharedCounts shared;

    /** A throttle of this node alone. */
    public SignInThrottle(Clock clock, int maxFailures, int maxFailuresPerAddress, Duration lockout,
                          Duration maxLockout, int capacity) {
        this(clock, maxFailures, maxFailuresPerAddress, lockout, maxLockout, capacity, SharedCounts.NONE);
    }

    public SignInThrottle(Clock clock, int maxFailures, int maxFailuresPerAddress, Duration lockout,
                          Duration maxLockout, int capacity, SharedCounts shared) {
        if (maxFailures < 1 || maxFailuresPerAddress < 1 || lockout.isNegative() || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("The sign-in throttle needs at least one failure before a lockout, and"
                    + " a longest lockout no shorter than the first: " + maxFailures + ", " + maxFailuresPerAddress
                    + ", " + lockout + ", " + maxLockout);
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        this.capacity = capacity;
        this.keys = new BoundedMap<>(capacity);
        this.addresses = new BoundedMap<>(capacity);
        this.shared = shared;
    }

    /** How long an attempt for {@code key} from {@code address} must wait, by this node's counts; empty when it may be checked now. */
    public synchronized Optional<Duration> refusal(String key, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(keys, name(key), now), lockedUntil(addresses, address, now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /**
     * The same, by the counts of every node: one read of the shared counts, which this node takes
     * in (a larger count than its own, or the end of a count that a success or time ended); if
     * they cannot be read, by this node's own.
     */
    public Optional<Duration> refusalOnEveryNode(String key, String address) {
        String keyName = keyName(key);
        String addressName = addressName(address);
        shared.read(List.of(keyName, addressName)).ifPresent(counted -> {
            synchronized (this) {
                Instant now = clock.instant();
                adopt(keys, name(key), counted.get(keyName), maxFailures, now);
                adopt(addresses, address, counted.get(addressName), maxFailuresPerAddress, now);
            }
        });
        return refusal(key, address);
    }

    /** A wrong secret (or an unknown key) for {@code key} from {@code address}. */
    public void failed(String key, String address) {
        Instant now = clock.instant();
        boolean keyCounting;
        boolean addressCounting;
        synchronized (this) {
            keyCounting = fail(keys, name(key), maxFailures, now);
            addressCounting = fail(addresses, address, maxFailuresPerAddress, now);
        }
        share(keyName(key), keyCounting, now);
        share(addressName(address), addressCounting, now);
    }

    /** {@code key} signed in: its count starts again, on every node if it had one. */
    public void succeeded(String key) {
        boolean counted;
        synchronized (this) {
            counted = keys.remove(name(key)) != null;
        }
        if (counted) {
            shared.forget(keyName(key));
        }
    }

    /** Deletes the shared counts that are forgotten, and all but the newest that memory would keep. */
    public void sweep() {
        shared.sweep(clock.instant().minus(FORGET_AFTER).minus(maxLockout), 2 * capacity);
    }

    /** A count this node no longer holds is forgotten (or was never seen here): the shared one restarts if it is old. */
    private void share(String name, boolean counting, Instant now) {
        Instant restartBefore = counting ? Instant.EPOCH : now.minus(FORGET_AFTER);
        shared.failed(name, now, restartBefore);
    }

    private void adopt(BoundedMap<String, Count> counts, String name, SharedCounts.Counted counted, int allowed,
                       Instant now) {
        if (counted == null) {
            counts.remove(name);
            return;
        }
        Count own = live(counts, name, now);
        Count everyNode = count(counted.failures(), counted.last(), allowed);
        if ((own == null || everyNode.failures() > own.failures()) && now.isBefore(everyNode.forgotten())) {
            counts.putNewest(name, everyNode);
        }
    }

    private static Instant lockedUntil(BoundedMap<String, Count> counts, String name, Instant now) {
        Count count = live(counts, name, now);
        return count == null ? Instant.MIN : count.lockedUntil();
    }

    /** Counts a failure of {@code name}; whether it had a count that was not forgotten. */
    private boolean fail(BoundedMap<String, Count> counts, String name, int allowed, Instant now) {
        Count count = live(counts, name, now);
        counts.putNewest(name, count(count == null ? 1 : count.failures() + 1, now, allowed));
        return count != null;
    }

    private Count count(int failures, Instant last, int allowed) {
        return new Count(failures, last, failures < allowed ? last : last.plus(backOff(failures - allowed)));
    }

    /** The count of {@code name}, unless it is forgotten (then it is dropped). */
    private static Count live(BoundedMap<String, Count> counts, String name, Instant now) {
        Count count = counts.get(name);
        if (count != null && !now.isBefore(count.forgotten())) {
            counts.remove(name);
            return null;
        }
        return count;
    }

    /** {@code lockout} doubled {@code beyond} times, at most {@code maxLockout}. */
    private Duration backOff(int beyond) {
        Duration wait = lockout;
        for (int i = 0; i < Math.min(beyond, 62) && wait.compareTo(maxLockout) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxLockout) > 0 ? maxLockout : wait;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String keyName(String key) {
        return "key " + name(key);
    }

    private static String addressName(String address) {
        return "address " + name(address);
    }

    private static String name(String key) {
        if (key.length() <= LONGEST_KEY && key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
