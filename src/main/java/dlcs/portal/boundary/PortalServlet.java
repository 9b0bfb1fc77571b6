package dlcs.portal.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the portal's files ({@code /portal/...}, from the WAR) and the packaged viewers
 * ({@code /webjars/...}: OpenSeadragon from its WebJar in WEB-INF/lib, Mirador laid out the same
 * way in WEB-INF/classes by the build), since the API answers at the root
 * and would otherwise take these paths. Files only: no listings, no path outside these two.
 * Their security headers (nosniff, the Content-Security-Policy) come from
 * {@code dlcs.security.boundary.SecurityHeadersFilter}.
 */
@WebServlet(urlPatterns = {"/portal/*", "/webjars/*"})
public class PortalServlet extends HttpServlet {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "json", "application/json",
            "map", "application/json");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String servletPath = request.getServletPath();
        if (request.getPathInfo() == null) {
            response.sendRedirect(request.getContextPath() + servletPath + "/");
            return;
        }
        String file = request.getPathInfo();
        if (servletPath.equals("/portal") && file.equals("/")) {
            file = "/index.html";
        }
        if (file.contains("..") || file.endsWith("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String resource = servletPath.equals("/portal") ? "/portal" + file : "/META-INF/resources/webjars" + file;
        try (InputStream in = servletPath.equals("/portal") ? getServletContext().getResourceAsStream(resource)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.substring(1))) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
            // the viewer's files are versioned by their path; the portal's change with the server
            response.setHeader("Cache-Control", servletPath.equals("/portal") ? "no-cache" : "public, max-age=31536000");
            in.transferTo(response.getOutputStream());
        }
    }
}
