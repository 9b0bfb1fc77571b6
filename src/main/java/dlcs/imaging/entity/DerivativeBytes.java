package dlcs.imaging.entity;

/**
 * What one derivative takes on disk, in bytes: the pyramid and anything else beside it
 * ({@code derivative}), and its thumbnails. Measured once, when the derivative is written, so
 * that usage figures never need the files read again.
 */
public record DerivativeBytes(long derivative, long thumbnails) {

    public DerivativeBytes {
        if (derivative < 0 || thumbnails < 0) {
            throw new IllegalArgumentException("Byte counts cannot be negative: " + derivative + ", " + thumbnails);
        }
    }
}
