package dlcs.iiif.boundary;

import dlcs.hydra.PublicBase;
import dlcs.iiif.control.DeliveryMeter;
import dlcs.iiif.control.DeliverySettings;
import dlcs.iiif.entity.ApiVersion;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What the image and thumbnail services share: CORS on every answer, the path taken apart, the
 * base URI redirected to info.json, the preflight, every failure turned into its status, and
 * each answer counted and timed ({@link DeliveryMeter}).
 */
abstract class DeliveryServlet extends HttpServlet {

    @Inject
    DeliverySettings settings;

    /** Application-scoped, not the request-scoped {@code PublicUrls}: one bean fewer per request. */
    @Inject
    PublicBase publicBase;

    @Inject
    DeliveryMeter meter;

    /** Where the service is mounted: {@code /iiif-img} or {@code /thumbs}. */
    abstract String mount();

    abstract void info(HttpServletRequest request, HttpServletResponse response, IiifPaths path, ApiVersion version,
                       String serviceId) throws IOException;

    /** What an image request of this service is counted as until {@link #image} tells more. */
    abstract DeliveryMeter.Kind imageKind();

    abstract void image(HttpServletRequest request, HttpServletResponse response, IiifPaths path, ApiVersion version,
                        String serviceId, DeliveryMeter.Delivery delivery) throws IOException;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.allowCors(response);
        DeliveryMeter.Delivery delivery = meter.start(imageKind());
        try {
            IiifPaths path = IiifPaths.parse(request);
            ApiVersion version = path.version(settings.canonicalVersion());
            String serviceId = publicBase.of(request) + mount() + path.servicePath();
            switch (path.kind()) {
                case BASE -> {
                    delivery.is(DeliveryMeter.Kind.INFO);
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", serviceId + "/info.json");
                }
                case INFO -> {
                    delivery.is(DeliveryMeter.Kind.INFO);
                    info(request, response, path, version, serviceId);
                }
                default -> image(request, response, path, version, serviceId, delivery);
            }
        } catch (RuntimeException e) {
            Responses.error(response, e, request);
        } finally {
            delivery.end(response.getStatus());
        }
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        Responses.options(response);
    }
}
