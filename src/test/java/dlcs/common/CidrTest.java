package dlcs.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Networks in CIDR form, and which addresses lie in them: literals only, never a name resolved. */
class CidrTest {

    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource({
        "10.20.0.0/16, 10.20.3.4, true", "10.20.0.0/16, 10.21.0.1, false", "127.0.0.1/32, 127.0.0.1, true",
        "127.0.0.1, 127.0.0.1, true", "127.0.0.1, 127.0.0.2, false", "0.0.0.0/0, 203.0.113.9, true",
        "172.16.0.0/12, 172.31.255.255, true", "172.16.0.0/12, 172.32.0.0, false",
        "192.168.1.128/25, 192.168.1.200, true",
        "192.168.1.128/25, 192.168.1.100, false", "10.0.0.0/8, ::ffff:10.1.2.3, true", "fd00::/8, fd00::1, true",
        "fd00::/8, fe80::1, false", "::1/128, 0:0:0:0:0:0:0:1, true", "::1/128, [::1], true", "10.0.0.0/8, ::1, false",
        "::1/128, 127.0.0.1, false", "10.0.0.0/8, 10.0.0.256, false", "10.0.0.0/8, 10.0.0, false",
        "10.0.0.0/8, 10.0.0.1.2, false", "127.0.0.0/8, localhost, false", "0.0.0.0/0, example.org, false",
        "10.0.0.0/8, '', false", "10.0.0.0/8, 010.0.0.1, true"})
    void anAddressIsInANetworkWhenItsPrefixMatches(String network, String address, boolean inside) {
        assertEquals(inside, Cidr.parse(network).contains(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org/8", "10.0.0.0/33", "::1/129", "10.0.0.0/-1", "10.0.0/8", "10.0.0.0/x", "",
        "localhost", "abc:xyz/8", "10.0.0.0/8/8"})
    void anythingButAnAddressWithAPrefixIsRefusedSayingWhatIsExpected(String cidr) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(cidr));
        assertTrue(refused.getMessage().contains("CIDR"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8,192.168.0.0/16", " 10.0.0.0/8 , , 192.168.0.0/16 "})
    void aListSkipsBlankEntries(String list) {
        List<Cidr> networks = Cidr.parseList(list);
        assertEquals(2, networks.size());
        assertTrue(Cidr.anyContains(networks, "192.168.3.4"));
        assertFalse(Cidr.anyContains(networks, "172.16.0.1"));
        assertFalse(Cidr.anyContains(List.of(), "10.0.0.1"));
        assertFalse(Cidr.anyContains(networks, null));
    }
}
