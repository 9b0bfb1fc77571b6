package dlcs.registration.control;

/** Input that breaks a rule of the API; the message says which and how to fix it. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
