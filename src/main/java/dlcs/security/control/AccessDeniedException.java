package dlcs.security.control;

/** The caller is known but may not act on this resource. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
