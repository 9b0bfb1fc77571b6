package dlcs.origin.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dlcs.origin.entity.Strategy;
import jakarta.json.Json;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.vfs2.FileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's own S3 endpoint: every host the SDK connects to, the endpoint's or the
 * {@code <bucket>.<endpoint host>} of virtual-host addressing, passes the network rules, and the
 * connection goes to the address they checked. Names here resolve through the rules' resolver
 * only (the system's DNS knows none of them), to a fake S3 store on 127.0.0.1.
 */
class TenantS3EndpointTest {

    private static final byte[] OBJECT = "not really a jpeg".getBytes(StandardCharsets.US_ASCII);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What the test's DNS answers. */
    private static final Map<String, String> NAMES = Map.of(
            "store.test", "127.0.0.1",
            "good.store.test", "127.0.0.1",
            "bucket.store.test", "127.0.0.2",
            "meta.store.test", "169.254.169.254",
            "private.test", "10.0.0.7");

    private final List<String> hostsAsked = new CopyOnWriteArrayList<>();
    private HttpServer store;
    private NetworkRules rules;
    private OriginFileSystems fileSystems;

    @BeforeEach
    void start() throws Exception {
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/", exchange -> {
            hostsAsked.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.getResponseHeaders().add("ETag", "\"0123456789abcdef0123456789abcdef\"");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", Integer.toString(OBJECT.length));
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, OBJECT.length);
                exchange.getResponseBody().write(OBJECT);
            }
            exchange.close();
        });
        store.start();
        rules = new NetworkRules(false, List.of("127.0.0.1/32")).withResolver(host -> {
            String address = NAMES.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
        fileSystems = new OriginFileSystems(rules, TIMEOUT, TIMEOUT, 5);
    }

    @AfterEach
    void stop() {
        fileSystems.close();
        store.stop(0);
    }

    private byte[] fetch(String origin, String endpointHost, boolean pathStyle) throws Exception {
        OriginCredentials credentials = OriginCredentials.parse(Strategy.S3_CREDENTIALS, Json.createObjectBuilder()
                .add("accessKey", "tenant-access").add("secretKey", "tenant-secret")
                .add("endpoint", "http://" + endpointHost + ":" + store.getAddress().getPort())
                .add("pathStyle", Boolean.toString(pathStyle)).build());
        FetchOptions options = new FetchOptions(TIMEOUT, TIMEOUT,
                new FetchOptions.AmbientS3(null, "us-east-1", false, null, null));
        FileObject file = fileSystems.resolve(origin, options.forFetch("s3", credentials));
        try (InputStream in = file.getContent().getInputStream()) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw OriginFailures.describe(e, URI.create(origin),
                    new OriginStrategyStore.Match(Strategy.S3_CREDENTIALS, credentials, "rule-1"));
        } finally {
            fileSystems.release(file);
        }
    }

    @Test
    void virtualHostAddressingConnectsToTheBucketsHostAsTheRulesResolvedIt() throws Exception {
        assertArrayEquals(OBJECT, fetch("s3://good/a.jpg", "store.test", false));
        assertTrue(hostsAsked.contains("good.store.test:" + store.getAddress().getPort() + " /a.jpg"), hostsAsked.toString());
    }

    @Test
    void aBucketsHostThatResolvesToARefusedAddressIsRefusedThoughTheEndpointPasses() {
        OriginException refused = assertThrows(OriginException.class,
                () -> fetch("s3://bucket/a.jpg", "store.test", false));
        assertEquals(OriginException.Fault.REFUSED, refused.fault(), refused.getMessage());
        assertTrue(refused.getMessage().contains("'bucket.store.test' resolves to a loopback address"),
                refused.getMessage());
        refused = assertThrows(OriginException.class, () -> fetch("s3://meta/latest", "store.test", false));
        assertTrue(refused.getMessage().contains("link-local"), refused.getMessage());
        assertTrue(hostsAsked.isEmpty(), "nothing reached the store: " + hostsAsked);
    }

    @Test
    void pathStyleAddressingConnectsToTheEndpointAsTheRulesResolvedIt() throws Exception {
        assertArrayEquals(OBJECT, fetch("s3://bucket/a.jpg", "store.test", true));
        assertTrue(hostsAsked.contains("store.test:" + store.getAddress().getPort() + " /bucket/a.jpg"),
                hostsAsked.toString());
        OriginException refused = assertThrows(OriginException.class,
                () -> fetch("s3://bucket/a.jpg", "private.test", true));
        assertTrue(refused.getMessage().contains("'private.test' resolves to a private network address"),
                refused.getMessage());
    }
}
