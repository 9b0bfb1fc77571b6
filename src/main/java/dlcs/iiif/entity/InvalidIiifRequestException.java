package dlcs.iiif.entity;

import dlcs.common.ClientError;

/** A IIIF request whose syntax or values are wrong: the client gets 400. */
public class InvalidIiifRequestException extends ClientError {

    public InvalidIiifRequestException(String message) {
        super(400, "Invalid IIIF request", message);
    }
}
