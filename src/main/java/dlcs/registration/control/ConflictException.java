package dlcs.registration.control;

/** A request that is well formed but clashes with what is stored (a duplicate name, a space still holding images). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
