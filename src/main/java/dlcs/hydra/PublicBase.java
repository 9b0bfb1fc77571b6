package dlcs.hydra;

import dlcs.common.Cidr;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The base of every absolute URL the server hands out ({@code @id}s, info.json's {@code id},
 * {@code Link} and {@code Location} headers): the one way it is worked out, for the API (through
 * {@link PublicUrls}) and the delivery servlets alike.
 *
 * <p>{@code dlcs.public-base-url} when it is set, and then nothing a request says changes it.
 * Otherwise the request as a client saw it: its scheme and {@code Host}, with
 * {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port} and {@code -Prefix} believed only from a
 * proxy listed in {@code dlcs.http.trusted-proxies} (networks in CIDR form; none by default).
 * From anyone else they are forgeries: an info.json is cached publicly, and a forged host in
 * its {@code id} would send every viewer that reads it elsewhere.
 */
@ApplicationScoped
public class PublicBase {

    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~\\-]+)*/?");

    private String fixed;
    private List<Cidr> proxies;

    /** Reads the configuration once; a malformed network stops the deployment, naming its key. */
    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        configure(config.getOptionalValue("dlcs.public-base-url", String.class),
                config.getOptionalValue("dlcs.http.trusted-proxies", String.class).orElse(""));
    }

    void configure(Optional<String> publicBaseUrl, String trustedProxies) {
        fixed = publicBaseUrl.filter(base -> !base.isBlank()).map(PublicBase::withoutTrailingSlash).orElse(null);
        try {
            proxies = Cidr.parseList(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dlcs.http.trusted-proxies: " + e.getMessage());
        }
    }

    /**
     * What the base is worked out from, whichever API carries the request: the servlet API, or
     * the container's own on the stored-tile path ({@code dlcs.iiif.boundary.StoredTileHandler}).
     */
    public interface Request {
        String getRemoteAddr();

        String getHeader(String name);

        String getScheme();

        String getServerName();

        int getServerPort();

        String getContextPath();
    }

    /** The base for {@code request}, with no trailing slash, e.g. {@code https://dlcs.example.org}. */
    public String of(HttpServletRequest request) {
        return fixed != null ? fixed : of(new Request() {
            @Override
            public String getRemoteAddr() {
                return request.getRemoteAddr();
            }

            @Override
            public String getHeader(String name) {
                return request.getHeader(name);
            }

            @Override
            public String getScheme() {
                return request.getScheme();
            }

            @Override
            public String getServerName() {
                return request.getServerName();
            }

            @Override
            public int getServerPort() {
                return request.getServerPort();
            }

            @Override
            public String getContextPath() {
                return request.getContextPath();
            }
        });
    }

    /** The base for {@code request}, with no trailing slash. */
    public String of(Request request) {
        if (fixed != null) {
            return fixed;
        }
        boolean proxied = !proxies.isEmpty() && Cidr.anyContains(proxies, request.getRemoteAddr());
        return fromRequest(request, proxied);
    }

    private static String fromRequest(Request request, boolean proxied) {
        String scheme = proxied ? firstValue(request, "X-Forwarded-Proto") : null;
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            scheme = request.getScheme();
        }
        String host = proxied ? firstValue(request, "X-Forwarded-Host") : null;
        if (host == null || !isHost(host)) {
            host = request.getHeader("Host");
        }
        if (host == null || !isHost(host)) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        String port = proxied ? firstValue(request, "X-Forwarded-Port") : null;
        if (port != null && port.matches("\\d{1,5}") && !host.contains(":")) {
            host = host + ":" + port;
        }
        String prefix = proxied ? firstValue(request, "X-Forwarded-Prefix") : null;
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            prefix = "";
        }
        return withoutTrailingSlash(scheme + "://" + host + withoutTrailingSlash(prefix) + request.getContextPath());
    }

    /** Whether {@code host} is a host and port as a Host header carries them: letters, digits, {@code .-[]:}. */
    private static boolean isHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".-[]:".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static String firstValue(Request request, String header) {
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
