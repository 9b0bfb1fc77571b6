package dlcs.common;

import java.time.Duration;
import java.util.Map;

/**
 * A request refused for now, that the same request may pass later: it says when, in whole
 * seconds, in {@code Retry-After}, rounded up and at least one, so that a client that waits that
 * long is not refused again for having come too early.
 */
public abstract class TryLaterError extends ClientError {

    private final long retryAfterSeconds;

    protected TryLaterError(int status, String title, String detail, Duration wait) {
        super(status, title, detail);
        this.retryAfterSeconds = seconds(wait);
    }

    /** {@code wait} in whole seconds, rounded up, at least one. */
    public static long seconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
