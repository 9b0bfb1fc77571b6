package dlcs.iiif.control;

import dlcs.common.ClientError;

/** A request for more of a restricted image than anonymous callers may have: the client gets 401. */
public class RestrictedImageException extends ClientError {

    public RestrictedImageException(String message) {
        super(401, "Restricted image", message);
    }
}
