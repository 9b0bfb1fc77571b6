package dlcs.registration.control;

import dlcs.common.ClientError;

/** Image bytes sent in the request more slowly than the server waits for them. */
public class UploadTooSlowException extends ClientError {

    public UploadTooSlowException(String message) {
        super(408, "Upload too slow", message);
    }
}
