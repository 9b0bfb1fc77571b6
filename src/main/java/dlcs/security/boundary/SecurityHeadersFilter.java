package dlcs.security.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * What browsers are told on every response, in one place.
 *
 * <ul>
 *   <li>Everywhere: {@code X-Content-Type-Options: nosniff} (a body is only ever what its type
 *       says) and {@code Referrer-Policy: no-referrer} (no URL of this server leaks to another).</li>
 *   <li>The portal ({@code /portal/}, {@code /webjars/}): a Content-Security-Policy that runs
 *       scripts from this server only (no inline script, no eval), loads everything else from it
 *       too (images also as {@code data:} and {@code blob:} URLs, which the viewer may make),
 *       embeds no plugin, sets no base URL, submits no form natively (the page's script sends
 *       every form) and is never framed: also {@code X-Frame-Options: DENY}.</li>
 *   <li>The portal's book viewer ({@code /portal/viewer.html}, Mirador): the same policy, but its
 *       styles may also come in an <em>empty</em> inline {@code <style>} element (the hash of the
 *       empty string). Mirador's styling library (Emotion) adds such an element and then fills
 *       it through the CSSOM ({@code insertRule}), which a policy does not govern; without the
 *       hash the browser refuses the empty element and the viewer has no layout. No
 *       {@code 'unsafe-inline'}: a style element with any text in it is still refused, and
 *       scripts are as strict as everywhere in the portal.</li>
 *   <li>The API, and its description at {@code /openapi}: never framed either, and as JSON (or
 *       YAML) it loads nothing ({@code default-src 'none'}).</li>
 *   <li>The IIIF services ({@code /iiif-img/}, {@code /thumbs/}) are meant to be shown by other
 *       sites' viewers (their CORS allows any origin): no framing or content policy there.</li>
 * </ul>
 *
 * The part of the server is told by the servlet the request is mapped to, after the container
 * has decoded and normalised its path, so no spelling of a path gets the portal without its policy.
 * The filter is mapped to the API's and the portal's servlets only (the JAX-RS servlet is named
 * after the application class): the IIIF servlets, the hot path, set their two headers
 * themselves, with their CORS headers, and pass through no filter.
 */
@WebFilter(servletNames = {"dlcs.DlcsApplication", "dlcs.portal.boundary.PortalServlet",
        "dlcs.openapi.boundary.OpenApiServlet"}, asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";
    /** The SHA-256 of nothing: the one inline style the viewer's policy admits is an empty one. */
    static final String EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
    static final String VIEWER_POLICY = PORTAL_POLICY.replace("style-src 'self';", "style-src 'self' " + EMPTY_STYLE + ";");
    static final String API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Set<String> PORTAL = Set.of("/portal", "/webjars");
    private static final String VIEWER_PAGE = "/viewer.html";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", policy(request.getServletPath(), request.getPathInfo()));
        chain.doFilter(request, response);
    }

    /** The policy of a request mapped to {@code servletPath} with {@code pathInfo} (may be null). */
    static String policy(String servletPath, String pathInfo) {
        if (!PORTAL.contains(servletPath)) {
            return API_POLICY;
        }
        return servletPath.equals("/portal") && VIEWER_PAGE.equals(pathInfo) ? VIEWER_POLICY : PORTAL_POLICY;
    }
}
