package dlcs.security.boundary;

import dlcs.security.control.Caller;
import dlcs.security.control.NotAuthenticatedException;
import jakarta.ws.rs.core.SecurityContext;

/** The authenticated caller of a JAX-RS request. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new NotAuthenticatedException("Send an API key with HTTP Basic authentication.");
    }
}
