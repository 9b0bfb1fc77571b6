package dlcs.hydra;

import dlcs.common.ClientError;

/** A JSON request body over the limit of the resource it was sent to. */
public class BodyTooLargeException extends ClientError {

    public BodyTooLargeException(String message) {
        super(413, "Request body too large", message);
    }
}
