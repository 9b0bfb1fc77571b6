package dlcs.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A network in CIDR form ({@code 10.20.0.0/16}, {@code fd00::/8}; an address alone is a network
 * of one), and whether an address lies in it: for the networks origins may be fetched from, and
 * for the proxies whose forwarded headers are believed. Names are never resolved: a network is
 * written as an address, and only IP literals are looked up in it.
 */
public final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[0-9A-Za-z]+)?");

    private final byte[] base;
    private final int prefix;
    /** For an IPv4 network: its address and its mask as ints, so that an IPv4 literal is matched without allocating. */
    private final int base4;
    private final int mask4;

    private Cidr(byte[] base, int prefix) {
        this.base = base;
        this.prefix = prefix;
        if (base.length == 4) {
            mask4 = prefix == 0 ? 0 : -1 << (32 - prefix);
            base4 = toInt(base) & mask4;
        } else {
            mask4 = 0;
            base4 = 0;
        }
    }

    /** {@code cidr} parsed; IllegalArgumentException, saying what is expected, if it is not one. */
    public static Cidr parse(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        IllegalArgumentException bad = new IllegalArgumentException("'" + cidr + "' is not a network in CIDR form,"
                + " such as 10.20.0.0/16 or 127.0.0.1/32.");
        if (!isLiteral(parts[0])) {
            throw bad;
        }
        try {
            byte[] base = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : base.length * 8;
            if (prefix < 0 || prefix > base.length * 8) {
                throw bad;
            }
            return new Cidr(base, prefix);
        } catch (NumberFormatException | UnknownHostException e) {
            throw bad;
        }
    }

    /** The networks of a comma-separated list; blank entries are skipped. */
    public static List<Cidr> parseList(String commaSeparated) {
        List<Cidr> networks = new ArrayList<>();
        for (String network : commaSeparated.split(",")) {
            if (!network.isBlank()) {
                networks.add(parse(network));
            }
        }
        return List.copyOf(networks);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != base.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != base[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[whole] & mask) == (base[whole] & mask);
    }

    /**
     * Whether {@code literal}, an IP address as {@code ServletRequest.getRemoteAddr()} gives it,
     * is in this network. Anything but an IP literal is not (no name is resolved); an IPv4 one is
     * read without allocating.
     */
    public boolean contains(String literal) {
        if (literal == null) {
            return false;
        }
        if (base.length == 4) {
            long ipv4 = ipv4(literal);
            if (ipv4 >= 0) {
                return ((int) ipv4 & mask4) == base4;
            }
        }
        String address = literal.startsWith("[") && literal.endsWith("]")
                ? literal.substring(1, literal.length() - 1) : literal;
        if (!isLiteral(address)) {
            return false;
        }
        try {
            return contains(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether {@code address} is in any of {@code networks}. */
    public static boolean anyContains(List<Cidr> networks, String address) {
        for (Cidr network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLiteral(String address) {
        return IPV4.matcher(address).matches() || IPV6.matcher(address).matches();
    }

    /** A dotted quad as an unsigned int in a long; -1 if it is not one. */
    private static long ipv4(String text) {
        long value = 0;
        int octets = 0;
        int octet = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (octet > 255) {
                    return -1;
                }
            } else if (c == '.' && octet >= 0 && octets < 3) {
                value = value << 8 | octet;
                octets++;
                octet = -1;
            } else {
                return -1;
            }
        }
        if (octet < 0 || octets != 3) {
            return -1;
        }
        return value << 8 | octet;
    }

    private static int toInt(byte[] bytes) {
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(base).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
