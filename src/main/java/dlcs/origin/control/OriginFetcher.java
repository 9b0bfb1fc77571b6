package dlcs.origin.control;

import dlcs.origin.control.OriginException.Fault;
import dlcs.origin.entity.Strategy;
import dlcs.storage.control.BoundedCopy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches an origin once into a temporary file, through Commons VFS, the way the customer's
 * origin strategies say ({@link OriginStrategyStore#match}): http(s) anonymously or with Basic
 * credentials, s3 with the customer's keys or with the server's (only within the customer's
 * {@link S3AmbientGrants}), ftp(s) anonymously or with a password, sftp with a password or a
 * private key. Every fetch has a file system of its own, closed when it ends, so credentials
 * are never shared between fetches. Hosts pass the {@link NetworkRules} before any connection
 * (for http(s) and a tenant's S3 endpoint, at every connection, redirects included), and the
 * connection goes to an address they checked. Bounded in time (connect, each read, and the
 * whole transfer) and in size (counted while streaming, whatever the headers say).
 */
@ApplicationScoped
public class OriginFetcher {

    private static final Logger LOG = Logger.getLogger(OriginFetcher.class.getName());

    @Inject
    @ConfigProperty(name = "dlcs.origin.connect-timeout-seconds", defaultValue = "10")
    int connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.origin.read-timeout-seconds", defaultValue = "30")
    int readTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.origin.timeout-seconds", defaultValue = "300")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.origin.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "dlcs.origin.max-redirects", defaultValue = "5")
    int maxRedirects;

    @Inject
    @ConfigProperty(name = "dlcs.origin.allow-loopback", defaultValue = "false")
    boolean allowLoopback;

    @Inject
    @ConfigProperty(name = "dlcs.origin.allowed-networks")
    Optional<String> allowedNetworks;

    @Inject
    @ConfigProperty(name = "dlcs.origin.max-length", defaultValue = "2000")
    int maxLength;

    @Inject
    @ConfigProperty(name = "dlcs.origin.s3.endpoint")
    Optional<String> s3Endpoint;

    @Inject
    @ConfigProperty(name = "dlcs.origin.s3.region", defaultValue = "us-east-1")
    String s3Region;

    @Inject
    @ConfigProperty(name = "dlcs.origin.s3.path-style", defaultValue = "false")
    boolean s3PathStyle;

    @Inject
    @ConfigProperty(name = "dlcs.origin.s3.access-key")
    Optional<String> s3AccessKey;

    @Inject
    @ConfigProperty(name = "dlcs.origin.s3.secret-key")
    Optional<String> s3SecretKey;

    @Inject
    OriginStrategyStore strategies;

    @Inject
    S3AmbientGrants grants;

    @Inject
    FetchMeter meter;

    private NetworkRules rules;
    private OriginFileSystems fileSystems;
    private FetchOptions optionSets;

    @PostConstruct
    void start() {
        if (maxLength < 1 || maxLength > NetworkRules.MAX_ORIGIN_LENGTH) {
            LOG.warning("dlcs.origin.max-length is " + maxLength + "; origins of 1 to " + NetworkRules.MAX_ORIGIN_LENGTH
                    + " characters can be stored, so the limit is " + NetworkRules.MAX_ORIGIN_LENGTH + ".");
            maxLength = NetworkRules.MAX_ORIGIN_LENGTH;
        }
        rules = new NetworkRules(allowLoopback, Arrays.asList(allowedNetworks.orElse("").split(",")))
                .withMaxOriginLength(maxLength);
        Duration connect = Duration.ofSeconds(connectTimeoutSeconds);
        Duration read = Duration.ofSeconds(readTimeoutSeconds);
        fileSystems = new OriginFileSystems(rules, connect, read, maxRedirects);
        optionSets = new FetchOptions(connect, read, new FetchOptions.AmbientS3(
                s3Endpoint.filter(e -> !e.isBlank()).orElse(null), s3Region, s3PathStyle,
                s3AccessKey.filter(k -> !k.isBlank()).orElse(null), s3SecretKey.filter(k -> !k.isBlank()).orElse(null)));
    }

    @PreDestroy
    void stop() {
        fileSystems.close();
    }

    /** The rules origins' hosts must pass. */
    public NetworkRules rules() {
        return rules;
    }

    /**
     * The host of {@code origin} whose addresses the rules check before fetching it: none for
     * s3, whose host is a bucket (the endpoint is checked when the customer chose it).
     */
    public static Optional<String> checkedHost(URI origin) {
        return "s3".equalsIgnoreCase(origin.getScheme()) ? Optional.empty() : Optional.of(origin.getHost());
    }

    /**
     * Downloads {@code origin} for {@code customer} into a new file in {@code directory}; the caller
     * deletes it. Timed and counted by scheme ({@link FetchMeter}).
     */
    public Path fetch(long customer, String origin, Path directory) {
        URI uri = rules.parse(origin);
        FetchMeter.Fetch fetch = meter.start(uri.getScheme());
        Path file = null;
        try {
            file = fetch(customer, origin, uri, directory);
            return file;
        } finally {
            fetch.end(file);
        }
    }

    private Path fetch(long customer, String origin, URI uri, Path directory) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        InetAddress[] addresses = checkedHost(uri).map(rules::check).orElse(null);
        OriginStrategyStore.Match match = strategies.match(customer, origin.trim());
        Strategy strategy = match.strategy();
        if (!strategy.schemes().contains(scheme)) {
            throw new OriginException(Fault.REFUSED, match.rule() == null
                    ? scheme + " origins need an origin strategy: create one whose regex matches this origin, with"
                    + " strategy " + strategiesFor(scheme) + " (POST /customers/" + customer + "/originStrategies)."
                    : "The origin strategy " + match.rule() + " (" + strategy.label() + ") matches this origin but"
                    + " fetches only " + String.join(", ", strategy.schemes().stream().sorted().toList())
                    + " origins, not " + scheme + "; change its regex or strategy.");
        }
        Path knownHosts = null;
        FileObject file = null;
        try {
            FileSystemOptions options = optionSets.forFetch(scheme, match.credentials());
            String target = uri.toString();
            if (scheme.startsWith("ftp") || scheme.equals("sftp")) {
                target = pinned(uri, addresses[0]);
            }
            if (scheme.equals("sftp")) {
                knownHosts = Files.createTempFile(directory, "known-hosts-", "");
                optionSets.knownHosts(options, knownHosts, uri, addresses[0], match.credentials().hostKey());
            }
            file = fileSystems.resolve(target, options);
            if (strategy == Strategy.S3_AMBIENT) {
                // the bucket and key as the provider will read them, before it connects
                grants.requireGrant(customer, S3Provider.bucket(file.getName()), S3Provider.key(file.getName()),
                        match.rule());
            }
            try (InputStream in = file.getContent().getInputStream()) {
                return download(in, directory);
            }
        } catch (Exception e) {
            throw OriginFailures.describe(e, uri, match);
        } finally {
            if (file != null) {
                fileSystems.release(file);
            }
            if (knownHosts != null) {
                try {
                    Files.deleteIfExists(knownHosts);
                } catch (IOException ignored) {
                    // a temporary file left in the data directory's tmp
                }
            }
        }
    }

    private static String strategiesFor(String scheme) {
        return String.join(" or ", Arrays.stream(Strategy.values())
                .filter(strategy -> strategy.schemes().contains(scheme)).map(Strategy::label).toList());
    }

    /** The URI with its host replaced by the address the rules checked, so nothing resolves it again. */
    private static String pinned(URI uri, InetAddress address) {
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private Path download(InputStream in, Path directory) throws IOException {
        return BoundedCopy.toTemporaryFile(in, directory, "origin-", new BoundedCopy.Limits(maxBytes,
                Duration.ofSeconds(timeoutSeconds),
                () -> new OriginException(Fault.TOO_LARGE, "The origin is larger than " + maxBytes
                        + " bytes, the most this server fetches (dlcs.origin.max-bytes)."),
                () -> new OriginException(Fault.TIMEOUT, "The origin took longer than " + timeoutSeconds
                        + " seconds to send the image (dlcs.origin.timeout-seconds).")));
    }
}
