package dlcs.imaging.control;

import dlcs.common.ClientError;

/** An image whose header declares more pixels than the configured maximum. */
public class ImageTooLargeException extends ClientError {

    public ImageTooLargeException(String message) {
        super(400, "Image too large", message);
    }
}
