package dlcs.security.control;

/** No credentials, or credentials that match no key. */
public class NotAuthenticatedException extends RuntimeException {

    public NotAuthenticatedException(String message) {
        super(message);
    }
}
