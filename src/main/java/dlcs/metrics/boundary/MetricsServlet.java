package dlcs.metrics.boundary;

import dlcs.metrics.control.Meters;
import dlcs.metrics.control.ScrapeAccess;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /metrics}: the figures in Prometheus text format, on the application's own port, to
 * the callers {@link ScrapeAccess} lets in; anyone else gets a 403 that says why. A servlet rather
 * than a JAX-RS resource: the scrape is plain text, and needs none of the API's filters.
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    Meters meters;

    @Inject
    @ConfigProperty(name = "dlcs.metrics.allowed-networks", defaultValue = ScrapeAccess.LOOPBACK)
    String allowedNetworks;

    private ScrapeAccess access;

    @Override
    public void init() {
        access = ScrapeAccess.of(allowedNetworks);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        boolean forwarded = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null;
        String refusal = access.refusal(request.getRemoteAddr(), forwarded);
        byte[] body;
        if (refusal != null) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=utf-8");
            body = (refusal + "\n").getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType(Meters.CONTENT_TYPE);
            body = meters.scrape().getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
