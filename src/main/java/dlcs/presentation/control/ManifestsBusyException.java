package dlcs.presentation.control;

import dlcs.common.TryLaterError;
import java.time.Duration;

/** A manifest not built now because as many are being built as may be: 503 with Retry-After. */
public class ManifestsBusyException extends TryLaterError {

    public ManifestsBusyException(String detail) {
        super(503, "Service unavailable", detail, Duration.ofSeconds(1));
    }
}
