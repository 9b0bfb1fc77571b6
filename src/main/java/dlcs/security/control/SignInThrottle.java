package dlcs.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
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
 */
public final class SignInThrottle {

    /** How long a count is kept after its last failure, or after its lockout ends. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Keys are UUIDs (or configured names of at most this length); longer ones are kept as a digest of this length. */
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
    private final BoundedMap<String, Count> keys;
    private final BoundedMap<String, Count> addresses;

    public SignInThrottle(Clock clock, int maxFailures, int maxFailuresPerAddress, Duration lockout,
                          Duration maxLockout, int capacity) {
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
        this.keys = new BoundedMap<>(capacity);
        this.addresses = new BoundedMap<>(capacity);
    }

    /** How long an attempt for {@code key} from {@code address} must wait; empty when it may be checked now. */
    public synchronized Optional<Duration> refusal(String key, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(keys, name(key), now), lockedUntil(addresses, address, now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** A wrong secret (or an unknown key) for {@code key} from {@code address}. */
    public synchronized void failed(String key, String address) {
        Instant now = clock.instant();
        fail(keys, name(key), maxFailures, now);
        fail(addresses, address, maxFailuresPerAddress, now);
    }

    /** {@code key} signed in: its count starts again. */
    public synchronized void succeeded(String key) {
        keys.remove(name(key));
    }

    private static Instant lockedUntil(BoundedMap<String, Count> counts, String name, Instant now) {
        Count count = live(counts, name, now);
        return count == null ? Instant.MIN : count.lockedUntil();
    }

    private void fail(BoundedMap<String, Count> counts, String name, int allowed, Instant now) {
        Count count = live(counts, name, now);
        int failures = count == null ? 1 : count.failures() + 1;
        Instant until = failures < allowed ? now : now.plus(backOff(failures - allowed));
        counts.putNewest(name, new Count(failures, now, until));
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

    private static String name(String key) {
        if (key.length() <= LONGEST_KEY) {
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
