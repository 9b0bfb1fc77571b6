package dlcs.iiif.control;

import dlcs.common.ClientError;

/**
 * The image exists but cannot be served (yet): still ingesting, or its ingest failed. Its detail
 * is public: it says which, never why an ingest failed.
 */
public class ImageNotAvailableException extends ClientError {

    public ImageNotAvailableException(String message) {
        super(404, "Not available", message);
    }
}
