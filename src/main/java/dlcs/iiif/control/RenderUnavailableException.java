package dlcs.iiif.control;

import dlcs.common.TryLaterError;
import java.time.Duration;

/**
 * A render that could not be done now: it waited too long for its share of the render budget,
 * or it ran past its deadline. The client gets 503 with {@code Retry-After}.
 */
public class RenderUnavailableException extends TryLaterError {

    public RenderUnavailableException(String message, long retryAfterSeconds) {
        super(503, "Service unavailable", message, Duration.ofSeconds(retryAfterSeconds));
    }
}
