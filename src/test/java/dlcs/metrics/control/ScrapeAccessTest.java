package dlcs.metrics.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who may scrape: the allowed networks by the connection's own address, and never through a proxy. */
class ScrapeAccessTest {

    @Test
    void byDefaultOnlyThisMachineMayScrape() {
        ScrapeAccess loopback = ScrapeAccess.of(ScrapeAccess.LOOPBACK);
        assertNull(loopback.refusal("127.0.0.1", false));
        assertNull(loopback.refusal("0:0:0:0:0:0:0:1", false));
        assertTrue(loopback.refusal("203.0.113.9", false).contains("dlcs.metrics.allowed-networks"));
        assertNotNull(loopback.refusal("10.0.0.1", false));
        assertNotNull(loopback.refusal("not-an-address", false));
    }

    @Test
    void theConfiguredNetworksMayScrapeAndNoOtherOne() {
        ScrapeAccess access = ScrapeAccess.of("10.20.0.0/16, 192.0.2.7");
        assertNull(access.refusal("10.20.3.4", false));
        assertNull(access.refusal("192.0.2.7", false));
        assertNotNull(access.refusal("192.0.2.8", false));
        assertNotNull(access.refusal("127.0.0.1", false));
    }

    @Test
    void aForwardedRequestIsRefusedEvenFromAnAllowedAddress() {
        assertTrue(ScrapeAccess.of(ScrapeAccess.LOOPBACK).refusal("127.0.0.1", true).contains("proxy"));
    }

    @Test
    void aMalformedNetworkStopsTheDeploymentNamingItsKey() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ScrapeAccess.of("10.0.0.0/33"));
        assertTrue(thrown.getMessage().startsWith("dlcs.metrics.allowed-networks"));
    }
}
