package dlcs.imaging.control;

/** An image whose header declares more pixels than the configured maximum. */
public class ImageTooLargeException extends RuntimeException {

    public ImageTooLargeException(String message) {
        super(message);
    }
}
