package dlcs.iiif.control;

/** The image exists but cannot be served (yet): still ingesting, or its ingest failed. */
public class ImageNotAvailableException extends RuntimeException {

    public ImageNotAvailableException(String message) {
        super(message);
    }
}
