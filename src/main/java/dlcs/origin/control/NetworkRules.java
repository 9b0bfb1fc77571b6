package dlcs.origin.control;

import dlcs.origin.control.OriginException.Fault;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which origins the server may fetch. Tenants choose the URLs, so the server must not be turned
 * against itself or its network: only http and https, and no host that resolves to a loopback,
 * link-local (cloud metadata lives there), wildcard or multicast address, unless loopback is
 * explicitly allowed ({@code dlcs.origin.allow-loopback}, for tests and demos).
 */
public final class NetworkRules {

    private final boolean allowLoopback;

    public NetworkRules(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** The origin as a URI, if it is well formed and of an allowed scheme; does no network I/O. */
    public static URI parse(String origin) {
        if (origin == null || origin.isBlank()) {
            throw new OriginException(Fault.REFUSED, "The image has no origin: give \"origin\": \"https://...\".");
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            throw new OriginException(Fault.REFUSED, "The origin '" + origin + "' is not a valid URL: "
                    + e.getReason() + " (percent-encode spaces and other special characters).");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OriginException(Fault.REFUSED, "The origin scheme '" + (scheme.isEmpty() ? "(none)" : scheme)
                    + "' is not supported; use an http or https URL.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new OriginException(Fault.REFUSED, "The origin '" + origin + "' has no host name.");
        }
        return uri;
    }

    /** Resolves the host and refuses it if any of its addresses is one the rules forbid. */
    public InetAddress[] check(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new OriginException(Fault.NOT_FOUND, "The origin host '" + uri.getHost() + "' does not resolve;"
                    + " check the URL.");
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new OriginException(Fault.REFUSED, "The origin host '" + uri.getHost() + "' resolves to "
                        + address.getHostAddress() + ", " + refusal + ".");
            }
        }
        return addresses;
    }

    private String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null
                    : "a loopback address, which origins may not use (dlcs.origin.allow-loopback=true allows it for tests)";
        }
        if (address.isAnyLocalAddress()) {
            return "the wildcard address, which origins may not use";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (169.254.0.0/16, fe80::/10, where cloud metadata services live),"
                    + " which origins may not use";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address, which origins may not use";
        }
        return null;
    }
}
