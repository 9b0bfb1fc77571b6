package dlcs.origin.control;

import dlcs.common.Cidr;
import dlcs.origin.control.OriginException.Fault;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
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
 * fetched from although they are loopback or private. An IPv6 address that carries an IPv4
 * address (IPv4-compatible, IPv4-mapped, NAT64, 6to4) is judged by that IPv4 address. Checked on
 * the addresses a name resolves to, before connecting and on every redirect; the connection then
 * goes to an address checked.
 */
public final class NetworkRules {

    /** The origin schemes the server fetches. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "s3", "ftp", "ftps", "sftp");

    /** The longest origin there can be: what the image's ORIGIN column holds. */
    public static final int MAX_ORIGIN_LENGTH = 2000;

    /** How host names become addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final List<Cidr> allowed;
    private final int maxOriginLength;
    private final Resolver resolver;

    /** The rules for origins of at most {@link #MAX_ORIGIN_LENGTH} characters. */
    public NetworkRules(boolean allowLoopback, List<String> allowedNetworks) {
        this.allowLoopback = allowLoopback;
        try {
            this.allowed = Cidr.parseList(String.join(",", allowedNetworks));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dlcs.origin.allowed-networks: " + e.getMessage());
        }
        this.maxOriginLength = MAX_ORIGIN_LENGTH;
        this.resolver = InetAddress::getAllByName;
    }

    private NetworkRules(NetworkRules rules, int maxOriginLength, Resolver resolver) {
        this.allowLoopback = rules.allowLoopback;
        this.allowed = rules.allowed;
        this.maxOriginLength = maxOriginLength;
        this.resolver = resolver;
    }

    /** The same rules, resolving host names with {@code resolver}. */
    public NetworkRules withResolver(Resolver resolver) {
        return new NetworkRules(this, maxOriginLength, resolver);
    }

    /** The same rules for origins of at most {@code maxLength} characters (1 to {@link #MAX_ORIGIN_LENGTH}). */
    public NetworkRules withMaxOriginLength(int maxLength) {
        if (maxLength < 1 || maxLength > MAX_ORIGIN_LENGTH) {
            throw new IllegalArgumentException("an origin's length limit must be 1 to " + MAX_ORIGIN_LENGTH);
        }
        return new NetworkRules(this, maxLength, resolver);
    }

    /**
     * Refuses an origin longer than the limit ({@code dlcs.origin.max-length}). {@link #parse}
     * checks it first, before the origin is read any further; uploads, whose origin is only
     * recorded, check it here.
     */
    public void checkLength(String origin) {
        if (origin != null && origin.length() > maxOriginLength) {
            throw new OriginException(Fault.REFUSED, "\"origin\" is " + origin.length() + " characters long; at most "
                    + maxOriginLength + " are accepted (dlcs.origin.max-length).");
        }
    }

    /**
     * The origin as a URI, if it is no longer than the limit, well formed and of an allowed
     * scheme; does no network I/O. Every way to an origin (immediate and queued registration, a
     * fetch) passes here before anything else reads the origin, strategies' regexes included.
     */
    public URI parse(String origin) {
        checkLength(origin);
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
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OriginException(Fault.NOT_FOUND, "The origin host '" + host + "' does not resolve;"
                    + " check the URL.");
        }
        // A name's addresses are not told: a customer could map the server's internal names with them.
        boolean literal = isLiteral(host);
        for (InetAddress address : addresses) {
            String refusal = refusal(address, literal);
            if (refusal != null) {
                throw new OriginException(Fault.REFUSED, "The origin host '" + host + "' "
                        + (literal ? "is " + refusal : "resolves to " + refusal) + ".");
            }
        }
        return addresses;
    }

    public InetAddress[] check(URI uri) {
        return check(uri.getHost());
    }

    /** An address written out (IPv4 dotted, or IPv6 in brackets or bare), not a name to resolve. */
    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    /** Why the rules refuse {@code address}, or null; an address it carries is named only when {@code tell}. */
    private String refusal(InetAddress address, boolean tell) {
        InetAddress carried = embeddedIpv4(address);
        if (carried == null) {
            return refusal(address);
        }
        String refusal = refusal(carried);
        return refusal == null ? null : tell ? "an IPv6 address that carries the IPv4 address "
                + carried.getHostAddress() + ", " + refusal : "an IPv6 address that carries an IPv4 address: " + refusal;
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

    /**
     * The IPv4 address an IPv6 address carries, which is where a packet to it may end up:
     * IPv4-compatible {@code ::a.b.c.d} (but not {@code ::} and {@code ::1}, judged as
     * themselves), IPv4-mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96} (the last 32
     * bits) and 6to4 {@code 2002::/16} (bits 16 to 47); null for any other address.
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return null;
        }
        int from;
        if (zeros(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
            from = 12; // mapped
        } else if (zeros(bytes, 0, 12) && !(zeros(bytes, 12, 15) && (bytes[15] & 0xFF) <= 1)) {
            from = 12; // compatible, other than :: and ::1
        } else if ((bytes[0] & 0xFF) == 0x00 && (bytes[1] & 0xFF) == 0x64 && (bytes[2] & 0xFF) == 0xFF
                && (bytes[3] & 0xFF) == 0x9B && zeros(bytes, 4, 12)) {
            from = 12; // NAT64 well-known prefix
        } else if ((bytes[0] & 0xFF) == 0x20 && (bytes[1] & 0xFF) == 0x02) {
            from = 2; // 6to4
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
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
