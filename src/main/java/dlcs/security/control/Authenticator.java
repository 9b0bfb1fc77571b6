package dlcs.security.control;

import dlcs.security.entity.ApiKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a presented {@code key:secret} against the stored keys.
 *
 * <ul>
 *   <li>Failed attempts are throttled per key and per client address ({@link SignInThrottle}),
 *       counted by every node ({@link SignInFailures}); a throttled attempt is refused (429) before
 *       anything is hashed, and, when this node's own counts refuse it, before anything is looked up.</li>
 *   <li>An unknown key costs what a known one costs: its secret is hashed all the same, against
 *       a hash no secret matches.</li>
 *   <li>A stored hash made with fewer rounds than today's is made again on a successful sign-in.</li>
 *   <li>A success is remembered for {@link #REMEMBER} (by a SHA-256 digest of key and secret,
 *       never the secret), at most {@link #REMEMBERED} keys, so that the slow hash is not paid
 *       on every request. A wrong secret for a remembered key is checked and counted like any
 *       other, and deleting a key or changing its secret forgets it at once and again when the
 *       change commits, so a check still running at that moment cannot remember it.</li>
 * </ul>
 */
@ApplicationScoped
public class Authenticator {

    static final Duration REMEMBER = Duration.ofMinutes(1);
    static final int REMEMBERED = 10_000;
    /** Keys and addresses whose failures are counted at once, each. */
    static final int COUNTED = 10_000;

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

    private record Verified(byte[] digest, Caller caller, Instant until) {
    }

    @Inject
    KeyStore keys;

    @Inject
    CustomerDirectory customers;

    /** The failed sign-ins of every node ({@link SignInFailures}). */
    @Inject
    SharedCounts everyNode;

    @Inject
    @ConfigProperty(name = "dlcs.auth.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "dlcs.auth.max-failures-per-address", defaultValue = "20")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "dlcs.auth.lockout-seconds", defaultValue = "1")
    long lockoutSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.auth.max-lockout-seconds", defaultValue = "300")
    long maxLockoutSeconds;

    Clock clock = Clock.systemUTC();
    SecretHasher hasher = new SecretHasher();
    int remembered = REMEMBERED;
    SignInThrottle throttle;

    /** Guards {@link #verified} and {@link #forgettings}. */
    private final Object lock = new Object();
    private BoundedMap<String, Verified> verified;
    /** How many times a key has been forgotten: a check that saw another number does not remember its result. */
    private long forgettings;

    @PostConstruct
    void start() {
        throttle = new SignInThrottle(clock, maxFailures, maxFailuresPerAddress, Duration.ofSeconds(lockoutSeconds),
                Duration.ofSeconds(maxLockoutSeconds), COUNTED, new FailSafeCounts(everyNode, clock));
        verified = new BoundedMap<>(remembered);
    }

    /**
     * The caller that {@code key} and {@code secret}, presented from {@code address}, identify;
     * empty when they match no key (and the failure is counted).
     *
     * @throws SignInThrottledException when this key or this address has failed too often lately
     */
    public Optional<Caller> authenticate(String key, String secret, String address) {
        String from = address == null ? "unknown" : address;
        throttle.refusal(key, from).ifPresent(Authenticator::refuse);
        byte[] digest = digest(key, secret);
        Instant now = clock.instant();
        long seen;
        Verified known;
        synchronized (lock) {
            known = verified.get(key);
            if (known != null && !now.isBefore(known.until())) {
                verified.remove(key);
                known = null;
            }
            seen = forgettings;
        }
        if (known != null && MessageDigest.isEqual(known.digest(), digest)) {
            throttle.succeeded(key);
            return Optional.of(known.caller());
        }
        throttle.refusalOnEveryNode(key, from).ifPresent(Authenticator::refuse);
        Optional<Caller> caller = check(key, secret);
        if (caller.isEmpty()) {
            throttle.failed(key, from);
            return caller;
        }
        throttle.succeeded(key);
        synchronized (lock) {
            if (forgettings == seen) {
                verified.putNewest(key, new Verified(digest, caller.get(), now.plus(REMEMBER)));
            }
        }
        return caller;
    }

    private static void refuse(Duration wait) {
        throw new SignInThrottledException(wait);
    }

    /** Deletes the failure counts that are forgotten, and the oldest beyond what is kept (housekeeping, once a round). */
    public void sweepFailures() {
        throttle.sweep();
    }

    /** The slow check: the stored hash, or the stand-in hash for a key that does not exist. */
    private Optional<Caller> check(String key, String secret) {
        Optional<ApiKey> found = keys.find(key);
        if (found.isEmpty()) {
            hasher.matchesNothing(secret);
            return Optional.empty();
        }
        ApiKey stored = found.get();
        if (!hasher.matches(secret, stored.secretHash())) {
            if (hasher.isOutdated(stored.secretHash())) {
                // a hash of fewer rounds is quicker to refuse than an unknown key: make up the difference
                hasher.matchesNothing(secret);
            }
            return Optional.empty();
        }
        if (hasher.isOutdated(stored.secretHash())) {
            upgrade(stored, secret);
        }
        return customers.find(stored.customer())
                .map(customer -> new Caller(key, customer.id(), customer.administrator()));
    }

    /** Stores the secret's hash made with today's rounds; the sign-in succeeds whatever happens here. */
    private void upgrade(ApiKey stored, String secret) {
        try {
            keys.replaceHash(stored.key(), stored.secretHash(), hasher.hash(secret));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store the new hash of key " + stored.key() + "; it is tried again at its"
                    + " next sign-in", e);
        }
    }

    /** Forgets what was remembered of {@code key}: as soon as it is deleted or changed... */
    void forgetNow(@Observes KeyChanged change) {
        forget(change.key());
    }

    /** ...and again once that change is committed (or rolled back). */
    void forgetAfterCompletion(@Observes(during = TransactionPhase.AFTER_COMPLETION) KeyChanged change) {
        forget(change.key());
    }

    void forget(String key) {
        synchronized (lock) {
            forgettings++;
            verified.remove(key);
        }
    }

    private static byte[] digest(String key, String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((key + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
