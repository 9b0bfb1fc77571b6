package dlcs.iiif.control;

import dlcs.iiif.entity.ApiVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What delivery is configured to declare: the unversioned paths' API version and the largest response. */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    @ConfigProperty(name = "dlcs.iiif.default-version", defaultValue = "3")
    String defaultVersion;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.max-area", defaultValue = "16000000")
    long maxArea;

    /** The version served under {@code /iiif-img/} without {@code v2/} or {@code v3/}. */
    public ApiVersion canonicalVersion() {
        return ApiVersion.fromNumber(defaultVersion);
    }

    /** The most pixels one image response may have, declared as {@code maxArea}. */
    public long maxArea() {
        return maxArea;
    }
}
