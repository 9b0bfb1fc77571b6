package dlcs.iiif.control;

import dlcs.common.ClientError;
import java.util.Map;

/**
 * A render that could not be done now: it waited too long for its share of the render budget,
 * or it ran past its deadline. The client gets 503 with {@code Retry-After}.
 */
public class RenderUnavailableException extends ClientError {

    private final long retryAfterSeconds;

    public RenderUnavailableException(String message, long retryAfterSeconds) {
        super(503, "Service unavailable", message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
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
