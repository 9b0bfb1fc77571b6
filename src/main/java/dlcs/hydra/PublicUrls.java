package dlcs.hydra;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute URLs for {@code @id} values: from {@code dlcs.public-base-url} when configured,
 * otherwise from the request as a client saw it (X-Forwarded-* from a proxy first).
 */
@RequestScoped
public class PublicUrls {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");
    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~\\-]+)*/?");

    @Inject
    @ConfigProperty(name = "dlcs.public-base-url")
    Optional<String> configuredBase;

    @Inject
    HttpServletRequest request;

    private String base;

    /** The base with no trailing slash, e.g. {@code https://dlcs.example.org}. */
    public String base() {
        if (base == null) {
            base = base(configuredBase, request);
        }
        return base;
    }

    /**
     * The same without this request-scoped bean, for servlets on the hot path: the base
     * {@code dlcs.public-base-url} gives, or that of {@code request}.
     */
    public static String base(Optional<String> configuredBase, HttpServletRequest request) {
        return configuredBase.map(PublicUrls::withoutTrailingSlash).orElseGet(() -> fromRequest(request));
    }

    /** The absolute URL of {@code path}, which starts with a slash. */
    public String of(String path) {
        return base() + path;
    }

    private static String fromRequest(HttpServletRequest request) {
        String scheme = firstValue(request, "X-Forwarded-Proto");
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            scheme = request.getScheme();
        }
        String host = firstValue(request, "X-Forwarded-Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = request.getHeader("Host");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        String port = firstValue(request, "X-Forwarded-Port");
        if (port != null && port.matches("\\d{1,5}") && !host.contains(":")) {
            host = host + ":" + port;
        }
        String prefix = firstValue(request, "X-Forwarded-Prefix");
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            prefix = "";
        }
        return withoutTrailingSlash(scheme + "://" + host + withoutTrailingSlash(prefix) + request.getContextPath());
    }

    private static String firstValue(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma >= 0 ? value.substring(0, comma) : value).trim();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
