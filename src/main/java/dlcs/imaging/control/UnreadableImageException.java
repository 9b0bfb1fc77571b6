package dlcs.imaging.control;

/** Bytes that are not an image we can decode: another format, or a truncated or corrupt file. */
public class UnreadableImageException extends RuntimeException {

    public UnreadableImageException(String message) {
        super(message);
    }

    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
