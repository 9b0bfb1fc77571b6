package dlcs.common;

/** Input that breaks a rule of the API; the message says which and how to fix it. */
public class InvalidInputException extends ClientError {

    public InvalidInputException(String message) {
        super(400, "Invalid request", message);
    }
}
