package dlcs.registration.control;

/** A customer, space, key or image that does not exist (or that the caller may not know of). */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
