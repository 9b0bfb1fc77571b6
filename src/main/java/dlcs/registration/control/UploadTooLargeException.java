package dlcs.registration.control;

import dlcs.common.ClientError;

/** Image bytes sent in the request that are more than the server takes. */
public class UploadTooLargeException extends ClientError {

    public UploadTooLargeException(String message) {
        super(413, "Upload too large", message);
    }
}
