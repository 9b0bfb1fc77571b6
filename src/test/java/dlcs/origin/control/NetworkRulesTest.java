package dlcs.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://x/", "jar:file:/x!/y", "example.org/a.jpg",
            "http:///nohost", "http://exa mple.org/", "", "s3://bucket", "s3:///key", "webdav://example.org/a.jpg",
            "https://user:secret@example.org/a.jpg", "sftp://me@example.org/a.jpg"})
    void malformedOrUnsupportedOriginsAndCredentialsInTheUrlAreRefused(String origin) {
        OriginException refused = assertThrows(OriginException.class, () -> NetworkRules.parse(origin));
        assertEquals(OriginException.Fault.REFUSED, refused.fault());
        assertTrue(!refused.getMessage().contains("secret"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/a.jpg", "https://example.org/a.jpg", "s3://my-bucket/a/b.tif",
            "ftp://example.org/a.jpg", "ftps://example.org/a.jpg", "sftp://example.org/home/a.jpg"})
    void theSupportedSchemesParse(String origin) {
        assertEquals(URI.create(origin), NetworkRules.parse(origin));
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

    @Test
    void transientFaultsAreTheOnesWorthRetrying() {
        assertTrue(OriginException.Fault.TIMEOUT.isTransient());
        assertTrue(OriginException.Fault.UNAVAILABLE.isTransient());
        assertTrue(!OriginException.Fault.NOT_FOUND.isTransient());
    }
}
