package dlcs.security.control;

import dlcs.common.ClientError;

/** The caller is known but may not act on this resource. */
public class AccessDeniedException extends ClientError {

    public AccessDeniedException(String message) {
        super(403, "Forbidden", message);
    }
}
