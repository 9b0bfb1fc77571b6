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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.auth.StaticUserAuthenticator;
import org.apache.commons.vfs2.impl.DefaultFileSystemConfigBuilder;
import org.apache.commons.vfs2.provider.ftp.FtpFileSystemConfigBuilder;
import org.apache.commons.vfs2.provider.ftps.FtpsDataChannelProtectionLevel;
import org.apache.commons.vfs2.provider.ftps.FtpsFileSystemConfigBuilder;
import org.apache.commons.vfs2.provider.ftps.FtpsMode;
import org.apache.commons.vfs2.provider.http5.Http5FileSystemConfigBuilder;
import org.apache.commons.vfs2.provider.sftp.BytesIdentityInfo;
import org.apache.commons.vfs2.provider.sftp.IdentityProvider;
import org.apache.commons.vfs2.provider.sftp.SftpFileSystemConfigBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches an origin once into a temporary file, through Commons VFS, the way the customer's
 * origin strategies say ({@link OriginStrategyStore#match}): http(s) anonymously or with Basic
 * credentials, s3 with the server's or the customer's keys, ftp(s) anonymously or with a
 * password, sftp with a password or a private key. Every fetch has a file system of its own,
 * closed when it ends, so credentials are never shared between fetches. Hosts pass the
 * {@link NetworkRules} before any connection (for http(s), at every connection, redirects
 * included), and the connection goes to an address they checked. Bounded in time (connect, each
 * read, and the whole transfer) and in size (counted while streaming, whatever the headers say).
 */
@ApplicationScoped
public class OriginFetcher {

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

    private NetworkRules rules;
    private OriginFileSystems fileSystems;

    @PostConstruct
    void start() {
        rules = new NetworkRules(allowLoopback,
                Arrays.asList(allowedNetworks.orElse("").split(",")));
        fileSystems = new OriginFileSystems(rules, Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(readTimeoutSeconds), maxRedirects);
    }

    @PreDestroy
    void stop() {
        fileSystems.close();
    }

    /** The rules origins' hosts must pass. */
    public NetworkRules rules() {
        return rules;
    }

    /** Refuses a malformed or disallowed origin without fetching it. */
    public URI validate(String origin) {
        return NetworkRules.parse(origin);
    }

    /**
     * The host of {@code origin} whose addresses the rules check before fetching it: none for
     * s3, whose host is a bucket (the endpoint is checked when the customer chose it).
     */
    public static Optional<String> checkedHost(URI origin) {
        return "s3".equalsIgnoreCase(origin.getScheme()) ? Optional.empty() : Optional.of(origin.getHost());
    }

    /** Downloads {@code origin} for {@code customer} into a new file in {@code directory}; the caller deletes it. */
    public Path fetch(long customer, String origin, Path directory) {
        URI uri = NetworkRules.parse(origin);
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
            FileSystemOptions options = options(scheme, match.credentials());
            String target = uri.toString();
            if (scheme.startsWith("ftp") || scheme.equals("sftp")) {
                target = pinned(uri, addresses[0]);
            }
            if (scheme.equals("sftp")) {
                knownHosts = Files.createTempFile(directory, "known-hosts-", "");
                SftpFileSystemConfigBuilder sftp = SftpFileSystemConfigBuilder.getInstance();
                sftp.setKnownHosts(options, knownHosts.toFile());
                if (match.credentials().hostKey() != null) {
                    // pinned: the server must show exactly this key, at the address connected to
                    String host = addresses[0].getHostAddress();
                    Files.writeString(knownHosts, (uri.getPort() == -1 || uri.getPort() == 22 ? host
                            : "[" + host + "]:" + uri.getPort()) + " " + match.credentials().hostKey().trim() + "\n");
                    sftp.setStrictHostKeyChecking(options, "yes");
                }
            }
            file = fileSystems.resolve(target, options);
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

    private FileSystemOptions options(String scheme, OriginCredentials credentials) throws IOException {
        FileSystemOptions options = new FileSystemOptions();
        Duration connect = Duration.ofSeconds(connectTimeoutSeconds);
        Duration read = Duration.ofSeconds(readTimeoutSeconds);
        String user = credentials.user();
        String password = credentials.password();
        switch (scheme) {
            case "http", "https" -> {
                Http5FileSystemConfigBuilder http = Http5FileSystemConfigBuilder.getInstance();
                http.setConnectionTimeout(options, connect);
                http.setSoTimeout(options, read);
                http.setFollowRedirect(options, true);
                http.setUserAgent(options, "dlcs-server");
            }
            case "ftp", "ftps" -> {
                FtpFileSystemConfigBuilder ftp = scheme.equals("ftps") ? FtpsFileSystemConfigBuilder.getInstance()
                        : FtpFileSystemConfigBuilder.getInstance();
                ftp.setPassiveMode(options, true);
                ftp.setConnectTimeout(options, connect);
                ftp.setSoTimeout(options, read);
                ftp.setDataTimeout(options, read);
                ftp.setUserDirIsRoot(options, false);
                if (scheme.equals("ftps")) {
                    // Commons Net's default checks only the certificate's dates: check its chain too
                    FtpsFileSystemConfigBuilder.getInstance().setTrustManager(options, jvmTrustManager());
                    FtpsFileSystemConfigBuilder.getInstance().setFtpsMode(options, FtpsMode.EXPLICIT);
                    FtpsFileSystemConfigBuilder.getInstance().setDataChannelProtectionLevel(options,
                            FtpsDataChannelProtectionLevel.P);
                }
            }
            case "sftp" -> {
                SftpFileSystemConfigBuilder sftp = SftpFileSystemConfigBuilder.getInstance();
                sftp.setConnectTimeout(options, connect);
                sftp.setSessionTimeout(options, read);
                sftp.setUserDirIsRoot(options, false);
                // without a hostKey credential, a fetch trusts the key the server shows (known hosts start empty)
                sftp.setStrictHostKeyChecking(options, "no");
                sftp.setLoadOpenSSHConfig(options, false);
                if (credentials.privateKey() != null) {
                    sftp.setIdentityProvider(options, new BytesIdentityInfo(
                            credentials.privateKey().getBytes(StandardCharsets.UTF_8),
                            credentials.passphrase() == null ? null
                                    : credentials.passphrase().getBytes(StandardCharsets.UTF_8)));
                    sftp.setPreferredAuthentications(options, password == null ? "publickey"
                            : "publickey,password,keyboard-interactive");
                } else {
                    // none at all, so that the server user's ~/.ssh keys are never offered
                    sftp.setIdentityProvider(options, new IdentityProvider[0]);
                    sftp.setPreferredAuthentications(options, "password,keyboard-interactive");
                }
            }
            case "s3" -> {
                boolean own = credentials.strategy() == Strategy.S3_CREDENTIALS;
                String endpoint = own && credentials.endpoint() != null ? credentials.endpoint()
                        : s3Endpoint.filter(e -> !e.isBlank()).orElse(null);
                if (own && credentials.endpoint() != null) {
                    rules.check(URI.create(credentials.endpoint()).getHost());
                }
                String region = own && credentials.region() != null ? credentials.region() : s3Region;
                boolean pathStyle = own && credentials.pathStyle() != null ? credentials.pathStyle() : s3PathStyle;
                S3Options.get().set(options, endpoint, region, pathStyle, connect, read);
                if (own) {
                    user = credentials.accessKey();
                    password = credentials.secretKey();
                } else {
                    user = s3AccessKey.filter(k -> !k.isBlank()).orElse(null);
                    password = s3SecretKey.filter(k -> !k.isBlank()).orElse(null);
                }
            }
            default -> throw new OriginException(Fault.REFUSED, "The origin scheme '" + scheme + "' is not supported.");
        }
        // the domain makes the options, and so the file system, this fetch's own
        DefaultFileSystemConfigBuilder.getInstance().setUserAuthenticator(options,
                new StaticUserAuthenticator(UUID.randomUUID().toString(), user, password));
        return options;
    }

    /** The JVM's own trust manager: the certificate authorities its trust store holds. */
    private static X509TrustManager jvmTrustManager() throws IOException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IOException("The JVM has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IOException("The JVM's trust store cannot be read", e);
        }
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
