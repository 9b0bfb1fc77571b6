package dlcs.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRulesTest {

    private static final NetworkRules RULES = new NetworkRules(false, List.of());

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://x/", "jar:file:/x!/y", "example.org/a.jpg",
            "http:///nohost", "http://exa mple.org/", "", "s3://bucket", "s3:///key", "webdav://example.org/a.jpg",
            "https://user:secret@example.org/a.jpg", "sftp://me@example.org/a.jpg"})
    void malformedOrUnsupportedOriginsAndCredentialsInTheUrlAreRefused(String origin) {
        OriginException refused = assertThrows(OriginException.class, () -> RULES.parse(origin));
        assertEquals(OriginException.Fault.REFUSED, refused.fault());
        assertTrue(!refused.getMessage().contains("secret"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/a.jpg", "https://example.org/a.jpg", "s3://my-bucket/a/b.tif",
            "ftp://example.org/a.jpg", "ftps://example.org/a.jpg", "sftp://example.org/home/a.jpg"})
    void theSupportedSchemesParse(String origin) {
        assertEquals(URI.create(origin), RULES.parse(origin));
    }

    @Test
    void anOriginLongerThanTheLimitIsRefusedBeforeItIsReadFurther() {
        String prefix = "https://example.org/";
        String longest = prefix + "a".repeat(NetworkRules.MAX_ORIGIN_LENGTH - prefix.length());
        assertEquals(URI.create(longest), RULES.parse(longest));
        for (String tooLong : new String[] {longest + "a", "file:" + "x".repeat(100_000), " ".repeat(2001)}) {
            OriginException refused = assertThrows(OriginException.class, () -> RULES.parse(tooLong));
            assertEquals(OriginException.Fault.REFUSED, refused.fault());
            assertTrue(refused.getMessage().startsWith("\"origin\" is " + tooLong.length() + " characters long; at"
                    + " most 2000 are accepted (dlcs.origin.max-length)"), refused.getMessage());
            assertTrue(refused.getMessage().length() < 200, "the origin is not repeated back");
        }
        NetworkRules shorter = RULES.withMaxOriginLength(40);
        shorter.parse("https://example.org/" + "a".repeat(20));
        OriginException refused = assertThrows(OriginException.class,
                () -> shorter.parse("https://example.org/" + "a".repeat(21)));
        assertTrue(refused.getMessage().contains("at most 40"), refused.getMessage());
        assertThrows(OriginException.class, () -> shorter.checkLength("x".repeat(41)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/a.jpg", "http://localhost/a.jpg", "http://[::1]/a.jpg",
            "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/x", "http://0.0.0.0/x", "http://224.0.0.1/x",
            "http://10.1.2.3/x", "http://172.16.0.1/x", "http://192.168.1.1/x", "http://100.100.100.200/x",
            "http://[fd00:ec2::254]/x", "http://255.255.255.255/x"})
    void loopbackPrivateLinkLocalWildcardAndMulticastAreRefused(String origin) {
        OriginException refused = assertThrows(OriginException.class,
                () -> new NetworkRules(false, List.of()).check(URI.create(origin)));
        assertEquals(OriginException.Fault.REFUSED, refused.fault());
        assertTrue(refused.getMessage().contains("may not"), refused.getMessage());
    }

    @Test
    void loopbackAndPrivateNetworksCanBeAllowedButLinkLocalNever() {
        new NetworkRules(true, List.of()).check(URI.create("http://127.0.0.1/a.jpg"));
        NetworkRules listed = new NetworkRules(false, List.of("127.0.0.1/32", " 10.20.0.0/16", "fd00::/8"));
        listed.check(URI.create("http://127.0.0.1/a.jpg"));
        listed.check(URI.create("http://10.20.3.4/a.jpg"));
        listed.check(URI.create("http://[fd00::1]/a.jpg"));
        assertThrows(OriginException.class, () -> listed.check(URI.create("http://127.0.0.2/a.jpg")));
        assertThrows(OriginException.class, () -> listed.check(URI.create("http://10.21.0.1/a.jpg")));
        assertThrows(OriginException.class,
                () -> new NetworkRules(true, List.of("169.254.0.0/16")).check(URI.create("http://169.254.169.254/")));
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> new NetworkRules(false, List.of("example.org/8")));
        assertTrue(bad.getMessage().contains("CIDR"));
    }

    /**
     * IPv6 addresses that carry an IPv4 address are judged by that address: IPv4-compatible
     * ({@code ::a.b.c.d}), IPv4-mapped ({@code ::ffff:a.b.c.d}), NAT64 ({@code 64:ff9b::/96},
     * the last 32 bits) and 6to4 ({@code 2002::/16}, bits 16 to 47).
     */
    @ParameterizedTest
    @ValueSource(strings = {"::%s", "::ffff:%s", "64:ff9b::%s", "2002:%s::1"})
    void ipv6FormsThatEmbedAnIpv4AddressAreJudgedByIt(String form) {
        NetworkRules rules = new NetworkRules(false, List.of());
        assertRefused(rules, form, "127.0.0.1", "loopback");
        assertRefused(rules, form, "10.1.2.3", "private");
        assertRefused(rules, form, "192.168.1.1", "private");
        assertRefused(rules, form, "169.254.169.254", "link-local");
        rules.check(URI.create("http://[" + embed(form, "93.184.216.34") + "]/a.jpg"));
        NetworkRules listed = new NetworkRules(false, List.of("127.0.0.1/32", "10.20.0.0/16"));
        listed.check(URI.create("http://[" + embed(form, "127.0.0.1") + "]/a.jpg"));
        listed.check(URI.create("http://[" + embed(form, "10.20.3.4") + "]/a.jpg"));
        assertRefused(listed, form, "127.0.0.2", "loopback");
        assertRefused(new NetworkRules(true, List.of("169.254.0.0/16")), form, "169.254.169.254", "link-local");
    }

    @Test
    void ipv6AddressesThatCarryNoIpv4AddressAreJudgedAsThemselves() {
        NetworkRules rules = new NetworkRules(false, List.of());
        rules.check(URI.create("http://[2001:db8:1::1]/a.jpg"));
        rules.check(URI.create("http://[64:ff9c::a01:203]/a.jpg"));
        rules.check(URI.create("http://[2003:a01:203::1]/a.jpg"));
        assertThrows(OriginException.class, () -> rules.check(URI.create("http://[::]/a.jpg")));
        assertThrows(OriginException.class, () -> rules.check(URI.create("http://[::1]/a.jpg")));
        assertThrows(OriginException.class, () -> rules.check(URI.create("http://[::2]/a.jpg")), "0.0.0.2");
    }

    @Test
    void anIpv4MappedAddressThatAResolverGivesAsIpv6IsJudgedByItsIpv4Address() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1); // stays an Inet6Address
        NetworkRules rules = new NetworkRules(true, List.of()).withResolver(host -> new InetAddress[] {address});
        OriginException refused = assertThrows(OriginException.class, () -> rules.check("metadata.example"));
        assertTrue(refused.getMessage().contains("carries an IPv4 address: a link-local address"), refused.getMessage());
        assertFalse(refused.getMessage().contains("169.254.169.254"), "a name's address is not told: " + refused.getMessage());
        refused = assertThrows(OriginException.class, () -> rules.check("::ffff:169.254.169.254"));
        assertTrue(refused.getMessage().contains("carries the IPv4 address 169.254.169.254, a link-local address"),
                refused.getMessage());
    }

    @Test
    void whereANameResolvesIsNotToldSoThatNoCustomerCanMapTheServersNetwork() throws Exception {
        InetAddress inside = InetAddress.getByAddress("db.internal", new byte[] {10, 1, 2, 3});
        NetworkRules rules = new NetworkRules(false, List.of()).withResolver(host -> new InetAddress[] {inside});
        OriginException refused = assertThrows(OriginException.class, () -> rules.check("db.internal"));
        assertEquals("The origin host 'db.internal' resolves to a private network address, which origins may not"
                + " use unless its network is listed in dlcs.origin.allowed-networks.", refused.getMessage());
        refused = assertThrows(OriginException.class, () -> new NetworkRules(false, List.of()).check("10.1.2.3"));
        assertTrue(refused.getMessage().startsWith("The origin host '10.1.2.3' is a private network address"),
                refused.getMessage());
    }

    /** The form with the IPv4 address written in: dotted where it ends the address, as two hex groups within. */
    private static String embed(String form, String ipv4) {
        if (form.endsWith("%s")) {
            return String.format(form, ipv4);
        }
        String[] octets = ipv4.split("\\.");
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) {
            b[i] = Integer.parseInt(octets[i]);
        }
        return String.format(form, Integer.toHexString(b[0] << 8 | b[1]) + ":" + Integer.toHexString(b[2] << 8 | b[3]));
    }

    private static void assertRefused(NetworkRules rules, String form, String ipv4, String reason) {
        String host = embed(form, ipv4);
        OriginException refused = assertThrows(OriginException.class,
                () -> rules.check(URI.create("http://[" + host + "]/a.jpg")), host);
        assertEquals(OriginException.Fault.REFUSED, refused.fault(), host);
        assertTrue(refused.getMessage().contains(reason), host + ": " + refused.getMessage());
    }

    @Test
    void transientFaultsAreTheOnesWorthRetrying() {
        assertTrue(OriginException.Fault.TIMEOUT.isTransient());
        assertTrue(OriginException.Fault.UNAVAILABLE.isTransient());
        assertTrue(!OriginException.Fault.NOT_FOUND.isTransient());
    }
}
