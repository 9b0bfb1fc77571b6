package dlcs.hydra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The base of public URLs: forwarded headers believed from the configured proxies only, and not
 * at all when the base is configured.
 */
class PublicBaseTest {

    private static final Map<String, String> FORWARDED = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "images.example.org", "X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/dlcs");
    private static final Map<String, String> FORGED = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "evil.example", "X-Forwarded-Prefix", "/phish");

    /**
     * A request from {@code remoteAddress} to {@code http://dlcs.internal:8080/}, with {@code Host}
     * and {@code headers}: a fake that answers what {@link PublicBase} asks, and nothing else.
     */
    private static HttpServletRequest request(String remoteAddress, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(PublicBaseTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remoteAddress;
                    case "getScheme" -> "http";
                    case "getServerName" -> "dlcs.internal";
                    case "getServerPort" -> 8080;
                    case "getContextPath" -> "";
                    case "getHeader" -> arguments[0].equals("Host") ? "dlcs.internal:8080"
                            : headers.get((String) arguments[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A base as {@code dlcs.public-base-url} and {@code dlcs.http.trusted-proxies} configure it. */
    private static PublicBase configured(Optional<String> publicBaseUrl, String trustedProxies) {
        PublicBase base = new PublicBase();
        base.configure(publicBaseUrl, trustedProxies);
        return base;
    }

    private static String base(String trustedProxies, String remoteAddress, Map<String, String> headers) {
        return configured(Optional.empty(), trustedProxies).of(request(remoteAddress, headers));
    }

    @Test
    void withoutTrustedProxiesForwardedHeadersAreIgnored() {
        assertEquals("http://dlcs.internal:8080", base("", "127.0.0.1", FORGED));
        assertEquals("http://dlcs.internal:8080", base("", "10.0.0.5", FORWARDED));
    }

    @Test
    void fromATrustedProxyForwardedHeadersAreBelieved() {
        assertEquals("https://images.example.org:8443/dlcs", base("10.0.0.0/8, 192.168.1.1", "10.0.0.5", FORWARDED));
        assertEquals("https://images.example.org:8443/dlcs", base("10.0.0.0/8, 192.168.1.1", "192.168.1.1", FORWARDED));
        assertEquals("http://dlcs.internal:8080", base("10.0.0.0/8", "10.0.0.5", Map.of()), "none sent");
    }

    @Test
    void fromAnyoneElseTheyAreForgeries() {
        assertEquals("http://dlcs.internal:8080", base("10.0.0.0/8", "203.0.113.7", FORGED));
        assertEquals("http://dlcs.internal:8080", base("10.0.0.0/8", "127.0.0.1", FORGED));
        assertEquals("http://dlcs.internal:8080", base("10.0.0.5/32", "10.0.0.6", FORGED));
    }

    @Test
    void aConfiguredBaseIsNeverChangedByARequest() {
        PublicBase configured = configured(Optional.of("https://iiif.example.org/"), "10.0.0.0/8");
        assertEquals("https://iiif.example.org", configured.of(request("10.0.0.5", FORWARDED)));
        assertEquals("https://iiif.example.org", configured.of(request("203.0.113.7", FORGED)));
    }

    @Test
    void malformedForwardedValuesAreIgnoredEvenFromATrustedProxy() {
        assertEquals("http://dlcs.internal:8080", base("10.0.0.0/8", "10.0.0.5", Map.of("X-Forwarded-Proto", "gopher",
                "X-Forwarded-Host", "evil.example/x?", "X-Forwarded-Prefix", "/a b")));
        assertEquals("https://a.example", base("10.0.0.0/8", "10.0.0.5", Map.of("X-Forwarded-Proto", "https, http",
                "X-Forwarded-Host", "a.example, b.example")), "the first of a list, as the nearest proxy wrote it");
    }

    @Test
    void aMalformedTrustedProxyStopsTheDeploymentNamingItsKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> configured(Optional.empty(), "proxy.example.org"));
        assertTrue(refused.getMessage().startsWith("dlcs.http.trusted-proxies: "), refused.getMessage());
    }
}
