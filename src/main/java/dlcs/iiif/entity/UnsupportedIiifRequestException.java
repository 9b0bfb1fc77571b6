package dlcs.iiif.entity;

/** A valid IIIF request that this server does not support: the client gets 501. */
public class UnsupportedIiifRequestException extends RuntimeException {

    public UnsupportedIiifRequestException(String message) {
        super(message);
    }
}
