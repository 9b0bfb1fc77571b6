package dlcs.registration.control;

import dlcs.imaging.entity.Derivative;
import dlcs.storage.control.DerivativeLocation;

/** A derivative written into its own new version directory, not yet recorded on any image. */
public record PreparedDerivative(DerivativeLocation location, Derivative derivative) {
}
