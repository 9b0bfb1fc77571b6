package dlcs.security.control;

import dlcs.common.TryLaterError;
import java.time.Duration;

/**
 * Too many failed sign-ins for this key or from this address: the attempt is refused unchecked
 * (429), and {@code Retry-After} says in how many seconds the next one will be looked at.
 */
public class SignInThrottledException extends TryLaterError {

    public SignInThrottledException(Duration wait) {
        super(429, "Too many failed sign-ins", "Too many wrong secrets for this key or from this address: try again in "
                + seconds(wait) + (seconds(wait) == 1 ? " second." : " seconds."), wait);
    }
}
