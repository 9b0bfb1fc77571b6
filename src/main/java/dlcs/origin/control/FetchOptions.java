package dlcs.origin.control;

import dlcs.origin.control.OriginException.Fault;
import dlcs.origin.entity.Strategy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
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

/**
 * The Commons VFS options of one fetch, per scheme: timeouts, the credentials of the strategy
 * that matched, TLS that checks certificate chains, and SFTP that never offers the server user's
 * own keys. Each set gets an authenticator of its own (a fresh domain), so that VFS never shares
 * a file system, and so credentials, between two fetches.
 */
final class FetchOptions {

    /** The server's own S3 settings, for {@code s3-ambient} and for what {@code s3-credentials} leaves out. */
    record AmbientS3(String endpoint, String region, boolean pathStyle, String accessKey, String secretKey) {
    }

    private final Duration connect;
    private final Duration read;
    private final AmbientS3 s3;

    FetchOptions(Duration connect, Duration read, AmbientS3 s3) {
        this.connect = connect;
        this.read = read;
        this.s3 = s3;
    }

    FileSystemOptions forFetch(String scheme, OriginCredentials credentials) throws IOException {
        FileSystemOptions options = new FileSystemOptions();
        String user = credentials.user();
        String password = credentials.password();
        switch (scheme) {
            case "http", "https" -> http(options);
            case "ftp", "ftps" -> ftp(options, scheme.equals("ftps"));
            case "sftp" -> sftp(options, credentials);
            case "s3" -> {
                boolean own = credentials.strategy() == Strategy.S3_CREDENTIALS;
                boolean tenantsEndpoint = own && credentials.endpoint() != null;
                String endpoint = tenantsEndpoint ? credentials.endpoint() : s3.endpoint();
                String region = own && credentials.region() != null ? credentials.region() : s3.region();
                boolean pathStyle = own && credentials.pathStyle() != null ? credentials.pathStyle() : s3.pathStyle();
                S3Options.get().set(options, endpoint, tenantsEndpoint, region, pathStyle, connect, read);
                user = own ? credentials.accessKey() : s3.accessKey();
                password = own ? credentials.secretKey() : s3.secretKey();
            }
            default -> throw new OriginException(Fault.REFUSED, "The origin scheme '" + scheme + "' is not supported.");
        }
        DefaultFileSystemConfigBuilder.getInstance().setUserAuthenticator(options,
                new StaticUserAuthenticator(UUID.randomUUID().toString(), user, password));
        return options;
    }

    /**
     * SFTP's known hosts for one fetch, in {@code file}: empty (any key is trusted) unless the
     * strategy pins {@code hostKey}, which the server at {@code address} must then show.
     */
    void knownHosts(FileSystemOptions options, Path file, URI uri, InetAddress address, String hostKey)
            throws IOException {
        SftpFileSystemConfigBuilder sftp = SftpFileSystemConfigBuilder.getInstance();
        sftp.setKnownHosts(options, file.toFile());
        if (hostKey != null) {
            String host = address.getHostAddress();
            Files.writeString(file, (uri.getPort() == -1 || uri.getPort() == 22 ? host
                    : "[" + host + "]:" + uri.getPort()) + " " + hostKey.trim() + "\n");
            sftp.setStrictHostKeyChecking(options, "yes");
        }
    }

    private void http(FileSystemOptions options) {
        Http5FileSystemConfigBuilder http = Http5FileSystemConfigBuilder.getInstance();
        http.setConnectionTimeout(options, connect);
        http.setSoTimeout(options, read);
        http.setFollowRedirect(options, true);
        http.setUserAgent(options, "dlcs-server");
    }

    private void ftp(FileSystemOptions options, boolean tls) throws IOException {
        FtpFileSystemConfigBuilder ftp = tls ? FtpsFileSystemConfigBuilder.getInstance()
                : FtpFileSystemConfigBuilder.getInstance();
        ftp.setPassiveMode(options, true);
        ftp.setConnectTimeout(options, connect);
        ftp.setSoTimeout(options, read);
        ftp.setDataTimeout(options, read);
        ftp.setUserDirIsRoot(options, false);
        if (tls) {
            FtpsFileSystemConfigBuilder ftps = FtpsFileSystemConfigBuilder.getInstance();
            // Commons Net's default checks only the certificate's dates: check its chain too
            ftps.setTrustManager(options, jvmTrustManager());
            ftps.setFtpsMode(options, FtpsMode.EXPLICIT);
            ftps.setDataChannelProtectionLevel(options, FtpsDataChannelProtectionLevel.P);
        }
    }

    private void sftp(FileSystemOptions options, OriginCredentials credentials) throws IOException {
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
                    credentials.passphrase() == null ? null : credentials.passphrase().getBytes(StandardCharsets.UTF_8)));
            sftp.setPreferredAuthentications(options, credentials.password() == null ? "publickey"
                    : "publickey,password,keyboard-interactive");
        } else {
            // none at all, so that the server user's ~/.ssh keys are never offered
            sftp.setIdentityProvider(options, new IdentityProvider[0]);
            sftp.setPreferredAuthentications(options, "password,keyboard-interactive");
        }
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
}
