package dlcs.iiif.entity;

import dlcs.common.ClientError;

/** A valid IIIF request that this server does not support: the client gets 501. */
public class UnsupportedIiifRequestException extends ClientError {

    public UnsupportedIiifRequestException(String message) {
        super(501, "Not implemented", message);
    }
}
