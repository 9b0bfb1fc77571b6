package dlcs.security.control;

import dlcs.common.ClientError;
import java.time.Duration;
import java.util.Map;

/**
 * Too many failed sign-ins for this key or from this address: the attempt is refused unchecked
 * (429), and {@code Retry-After} says in how many seconds the next one will be looked at.
 */
public class SignInThrottledException extends ClientError {

    private final long retryAfterSeconds;

    public SignInThrottledException(Duration wait) {
        this(seconds(wait));
    }

    private SignInThrottledException(long retryAfterSeconds) {
        super(429, "Too many failed sign-ins", "Too many wrong secrets for this key or from this address: try again in "
                + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** The same attempt may succeed once the wait is over. */
    @Override
    public boolean isTransient() {
        return true;
    }

    /** Whole seconds, rounded up and at least one, so that a client waiting that long is not refused again. */
    private static long seconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
