package dlcs.iiif.entity;

/** A IIIF request whose syntax or values are wrong: the client gets 400. */
public class InvalidIiifRequestException extends RuntimeException {

    public InvalidIiifRequestException(String message) {
        super(message);
    }
}
