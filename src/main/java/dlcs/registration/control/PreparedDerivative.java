package dlcs.registration.control;

import dlcs.imaging.entity.Derivative;
import dlcs.imaging.entity.DerivativeBytes;
import dlcs.storage.control.DerivativeLocation;

/**
 * A derivative written into its own new version directory, not yet recorded on any image, and
 * what its files take on disk (measured once written, for the customer's usage).
 *
 * @param masterBytes the size of the master it was made from, as fetched or received (for the ingest log)
 */
public record PreparedDerivative(DerivativeLocation location, Derivative derivative, DerivativeBytes bytes,
                                 long masterBytes) {
}
