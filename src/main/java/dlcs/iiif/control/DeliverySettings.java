package dlcs.iiif.control;

import dlcs.iiif.entity.ApiVersion;
import dlcs.iiif.entity.Limits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How delivery is configured: the unversioned paths' API version, the largest response (its
 * longest side and its area), the JPEG quality.
 */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    @ConfigProperty(name = "dlcs.iiif.default-version", defaultValue = "3")
    String defaultVersion;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.max-area", defaultValue = "16000000")
    long maxArea;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.max-side", defaultValue = "65500")
    int maxSide;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.jpeg-quality", defaultValue = "85")
    int jpegQuality;

    @Inject
    @ConfigProperty(name = "dlcs.iiif.stored-tile-cache-mb", defaultValue = "32")
    long storedTileCacheMegabytes;

    private volatile Limits limits;

    /** The memory for stored tiles answered before, in bytes ({@code dlcs.iiif.stored-tile-cache-mb}; 0: none). */
    public long storedTileCacheBytes() {
        return Math.max(0, storedTileCacheMegabytes) * 1024 * 1024;
    }

    /** JPEG quality of rendered responses and resized thumbnails, from 0 to 1. */
    public float jpegQuality() {
        return Math.max(1, Math.min(100, jpegQuality)) / 100f;
    }

    /** The version served under {@code /iiif-img/} without {@code v2/} or {@code v3/}. */
    public ApiVersion canonicalVersion() {
        return ApiVersion.fromNumber(defaultVersion);
    }

    /**
     * The largest image response: no side over {@code dlcs.iiif.max-side} (declared as
     * {@code maxWidth} and {@code maxHeight}), no more pixels than {@code dlcs.iiif.max-area}
     * (declared as {@code maxArea}); each at least 1, whatever is configured.
     */
    public Limits limits() {
        Limits made = limits;
        if (made == null) {
            // made once: the configuration does not change, and this is on every request's path
            made = new Limits(Math.max(1, maxSide), Math.max(1, maxArea));
            limits = made;
        }
        return made;
    }
}
