package dlcs.security.control;

import dlcs.common.ClientError;

/** No credentials, or credentials that match no key. */
public class NotAuthenticatedException extends ClientError {

    public NotAuthenticatedException(String message) {
        super(401, "Authentication required", message);
    }
}
