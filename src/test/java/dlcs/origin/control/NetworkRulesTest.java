package dlcs.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/a.jpg", "gopher://x/", "jar:file:/x!/y", "example.org/a.jpg",
            "http:///nohost", "http://exa mple.org/", ""})
    void onlyWellFormedHttpAndHttpsAreAccepted(String origin) {
        OriginException refused = assertThrows(OriginException.class, () -> NetworkRules.parse(origin));
        assertEquals(OriginException.Fault.REFUSED, refused.fault());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/a.jpg", "http://localhost/a.jpg", "http://[::1]/a.jpg",
            "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/x", "http://0.0.0.0/x", "http://224.0.0.1/x"})
    void loopbackLinkLocalWildcardAndMulticastAreRefused(String origin) {
        OriginException refused = assertThrows(OriginException.class,
                () -> new NetworkRules(false).check(URI.create(origin)));
        assertEquals(OriginException.Fault.REFUSED, refused.fault());
        assertTrue(refused.getMessage().contains("may not"), refused.getMessage());
    }

    @Test
    void loopbackCanBeAllowedButLinkLocalNever() {
        new NetworkRules(true).check(URI.create("http://127.0.0.1/a.jpg"));
        assertThrows(OriginException.class, () -> new NetworkRules(true).check(URI.create("http://169.254.169.254/")));
    }

    @Test
    void transientFaultsAreTheOnesWorthRetrying() {
        assertTrue(OriginException.Fault.TIMEOUT.isTransient());
        assertTrue(OriginException.Fault.UNAVAILABLE.isTransient());
        assertTrue(!OriginException.Fault.NOT_FOUND.isTransient());
    }
}
