package dlcs.origin.control;

import dlcs.common.Cidr;
import dlcs.origin.control.OriginException.Fault;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which origins the server may fetch. Tenants choose the URLs, so the server must not be turned
 * against itself or its network. Only the schemes of {@link #SCHEMES}, no credentials in the URL,
 * and no host that resolves to a link-local address (cloud metadata services live there), a
 * wildcard, broadcast or multicast address; nor, unless allowed, to a loopback address
 * ({@code dlcs.origin.allow-loopback}) or a private one (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7): {@code dlcs.origin.allowed-networks} lists the networks (CIDR) that may be
 * fetched from although they are loopback or private. Checked on the addresses a name resolves
 * to, before connecting and on every redirect; the connection then goes to an address checked.
 */
public final class NetworkRules {

    /** The origin schemes the server fetches. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "s3", "ftp", "ftps", "sftp");

    private final boolean allowLoopback;
    private final List<Cidr> allowed;

    public NetworkRules(boolean allowLoopback, List<String> allowedNetworks) {
        this.allowLoopback = allowLoopback;
        try {
            this.allowed = Cidr.parseList(String.join(",", allowedNetworks));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dlcs.origin.allowed-networks: " + e.getMessage());
        }
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
        if (!SCHEMES.contains(scheme)) {
            throw new OriginException(Fault.REFUSED, "The origin scheme '" + (scheme.isEmpty() ? "(none)" : scheme)
                    + "' is not supported; use an http, https, s3, ftp, ftps or sftp URL.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OriginException(Fault.REFUSED, "The origin has credentials in its URL; take them out and give"
                    + " them in an origin strategy (/customers/{c}/originStrategies), where they are kept encrypted.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new OriginException(Fault.REFUSED, "The origin '" + origin + "' has no "
                    + (scheme.equals("s3") ? "bucket name (s3://bucket/key)." : "host name."));
        }
        if (scheme.equals("s3") && (uri.getPath() == null || uri.getPath().length() < 2)) {
            throw new OriginException(Fault.REFUSED, "The origin '" + origin + "' names no object: use s3://bucket/key.");
        }
        return uri;
    }

    /** Resolves {@code host} and refuses it if any of its addresses is one the rules forbid. */
    public InetAddress[] check(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new OriginException(Fault.NOT_FOUND, "The origin host '" + host + "' does not resolve;"
                    + " check the URL.");
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new OriginException(Fault.REFUSED, "The origin host '" + host + "' resolves to "
                        + address.getHostAddress() + ", " + refusal + ".");
            }
        }
        return addresses;
    }

    public InetAddress[] check(URI uri) {
        return check(uri.getHost());
    }

    private String refusal(InetAddress address) {
        if (address.isLinkLocalAddress()) {
            return "a link-local address (169.254.0.0/16, fe80::/10, where cloud metadata services live),"
                    + " which origins may not use";
        }
        if (address.isAnyLocalAddress() || isBroadcast(address)) {
            return "the wildcard or broadcast address, which origins may not use";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address, which origins may not use";
        }
        boolean listed = allowed.stream().anyMatch(network -> network.contains(address));
        if (address.isLoopbackAddress() && !allowLoopback && !listed) {
            return "a loopback address, which origins may not use (dlcs.origin.allowed-networks can allow it)";
        }
        if (isPrivate(address) && !listed) {
            return "a private network address, which origins may not use unless its network is listed in"
                    + " dlcs.origin.allowed-networks";
        }
        return null;
    }

    private static boolean isBroadcast(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xFF) == 255 && (bytes[1] & 0xFF) == 255
                && (bytes[2] & 0xFF) == 255 && (bytes[3] & 0xFF) == 255;
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if (bytes.length == 4) {
            return first == 10 || first == 172 && second >= 16 && second < 32 || first == 192 && second == 168
                    || first == 100 && second >= 64 && second < 128 || first == 0;
        }
        return (first & 0xFE) == 0xFC; // fc00::/7, unique local (AWS's IPv6 metadata address is one)
    }
}
