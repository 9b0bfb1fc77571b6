package dlcs.imaging.control;

import dlcs.common.ClientError;

/** Bytes that are not an image we can decode: another format, or a truncated or corrupt file. */
public class UnreadableImageException extends ClientError {

    public UnreadableImageException(String message) {
        super(400, "Not a readable image", message);
    }

    public UnreadableImageException(String message, Throwable cause) {
        super(400, "Not a readable image", message, cause);
    }
}
