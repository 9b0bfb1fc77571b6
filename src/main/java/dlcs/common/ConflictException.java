package dlcs.common;

/** A request that is well formed but clashes with what is stored (a duplicate name, a space still holding images). */
public class ConflictException extends ClientError {

    public ConflictException(String message) {
        super(409, "Conflict", message);
    }
}
