package dlcs.iiif.control;

import dlcs.iiif.entity.ApiVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How delivery is configured: the unversioned paths' API version, the largest response, the JPEG quality. */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    @ConfigProperty(name = "dlcs.iiif.default-version", defaultValue = "3")
    String defaultVersion;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.max-area", defaultValue = "16000000")
    long maxArea;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.jpeg-quality", defaultValue = "85")
    int jpegQuality;

    /** JPEG quality of rendered responses and resized thumbnails, from 0 to 1. */
    public float jpegQuality() {
        return Math.max(1, Math.min(100, jpegQuality)) / 100f;
    }

    /** The version served under {@code /iiif-img/} without {@code v2/} or {@code v3/}. */
    public ApiVersion canonicalVersion() {
        return ApiVersion.fromNumber(defaultVersion);
    }

    /** The most pixels one image response may have, declared as {@code maxArea}. */
    public long maxArea() {
        return maxArea;
    }
}
