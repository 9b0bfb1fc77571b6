package dlcs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real origin servers on 127.0.0.1, started by the tests in their own JVM: an S3-compatible
 * store (S3Proxy, in memory), an FTP server (Apache FtpServer) and an SFTP server (Apache
 * MINA SSHD) that takes a password or a public key. Each is started on first use and stopped
 * with the JVM. The S3 store listens on the port the server under test is configured with
 * ({@code dlcs.origin.s3.endpoint} in arquillian.xml), so that s3-ambient reaches it.
 */
final class OriginServers {

    static final int S3_PORT = 18733;
    static final String S3_ACCESS_KEY = "it-s3-access";
    static final String S3_SECRET_KEY = "it-s3-secret-Zq81";
    static final String FTP_USER = "ftp-it";
    static final String FTP_PASSWORD = "ftp-pass-Yx42";
    static final String SFTP_USER = "sftp-it";
    static final String SFTP_PASSWORD = "sftp-pass-Wv93";

    private static Path selfSignedKeyStore;
    private static String httpsBase;
    private static int ftpsPort;
    private static int lyingPort;
    private static S3Client s3;
    private static Path ftpRoot;
    private static int ftpPort;
    private static Path sftpRoot;
    private static int sftpPort;
    private static KeyPair sftpKey;
    private static SimpleGeneratorHostKeyProvider hostKeys;

    private OriginServers() {
    }

    static synchronized S3Client s3() {
        if (s3 == null) {
            S3Proxy proxy = S3Servers.start(S3_PORT, S3_ACCESS_KEY, S3_SECRET_KEY);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.stop();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
            s3 = S3Servers.client(S3_PORT, S3_ACCESS_KEY, S3_SECRET_KEY);
        }
        return s3;
    }

    static String s3Endpoint() {
        return "http://127.0.0.1:" + S3_PORT;
    }

    /** Stores {@code bytes} as {@code key} of {@code bucket} (created if need be); answers its s3:// URL. */
    static String s3Object(String bucket, String key, byte[] bytes) {
        S3Client client = s3();
        if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            client.createBucket(request -> request.bucket(bucket));
        }
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        return "s3://" + bucket + "/" + key;
    }

    static void deleteS3Object(String bucket, String key) {
        s3().deleteObject(request -> request.bucket(bucket).key(key));
    }

    /** Puts a file on the FTP server; answers its ftp:// URL. */
    static synchronized String ftpFile(String name, byte[] bytes) {
        if (ftpRoot == null) {
            try {
                ftpRoot = Files.createTempDirectory("it-ftp");
                FtpServerFactory factory = new FtpServerFactory();
                factory.addListener("default", listener("127.0.0.1").createListener());
                // a listener whose PASV replies name another address than its own: a client must ignore it
                factory.addListener("lying", listener("192.0.2.1").createListener());
                ListenerFactory tls = listener("127.0.0.1");
                SslConfigurationFactory ssl = new SslConfigurationFactory();
                ssl.setKeystoreFile(selfSignedKeyStore().toFile());
                ssl.setKeystorePassword(KEYSTORE_PASSWORD);
                ssl.setKeystoreType("PKCS12");
                tls.setSslConfiguration(ssl.createSslConfiguration());
                tls.setImplicitSsl(false);
                factory.addListener("tls", tls.createListener());
                PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
                Path usersFile = Files.createTempFile("it-ftp-users", ".properties");
                users.setFile(usersFile.toFile());
                UserManager manager = users.createUserManager();
                BaseUser user = new BaseUser();
                user.setName(FTP_USER);
                user.setPassword(FTP_PASSWORD);
                user.setHomeDirectory(ftpRoot.toString());
                manager.save(user);
                factory.setUserManager(manager);
                FtpServer server = factory.createServer();
                server.start();
                ftpPort = ((DefaultFtpServer) server).getListener("default").getPort();
                ftpsPort = ((DefaultFtpServer) server).getListener("tls").getPort();
                lyingPort = ((DefaultFtpServer) server).getListener("lying").getPort();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the FTP server", e);
            }
        }
        write(ftpRoot.resolve(name), bytes);
        return "ftp://127.0.0.1:" + ftpPort + "/" + name;
    }

    /** An FTP listener on 127.0.0.1 whose passive replies name {@code passiveAddress}. */
    private static ListenerFactory listener(String passiveAddress) {
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress(passiveAddress);
        data.setPassivePorts("0");
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        return listener;
    }

    /** The same file from a listener whose PASV replies name 127.0.0.5 instead of its own address. */
    static String lyingPassiveUrl(String ftpUrl) {
        return ftpUrl.replace("ftp://127.0.0.1:" + ftpPort, "ftp://127.0.0.1:" + lyingPort);
    }

    /** The same file's ftps:// URL (explicit TLS, with a self-signed certificate). */
    static String ftpsUrl(String ftpUrl) {
        return ftpUrl.replace("ftp://127.0.0.1:" + ftpPort, "ftps://127.0.0.1:" + ftpsPort);
    }

    /** An https:// URL of an origin whose certificate is self-signed, which no CA vouches for. */
    static synchronized String selfSignedHttps(String path, byte[] bytes) {
        if (httpsBase == null) {
            try {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(selfSignedKeyStore())) {
                    keys.load(in, KEYSTORE_PASSWORD.toCharArray());
                }
                KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                managers.init(keys, KEYSTORE_PASSWORD.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(managers.getKeyManagers(), null, null);
                HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setHttpsConfigurator(new HttpsConfigurator(context));
                server.createContext("/", exchange -> {
                    try (exchange) {
                        exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                        exchange.sendResponseHeaders(200, bytes.length);
                        exchange.getResponseBody().write(bytes);
                    }
                });
                server.start();
                httpsBase = "https://127.0.0.1:" + server.getAddress().getPort();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("Cannot start the HTTPS origin", e);
            }
        }
        return httpsBase + path;
    }

    private static final String KEYSTORE_PASSWORD = "it-keystore";

    /** A PKCS#12 key store with a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static synchronized Path selfSignedKeyStore() {
        if (selfSignedKeyStore == null) {
            try {
                Path file = Files.createTempDirectory("it-tls").resolve("origin.p12");
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "origin", "-keyalg", "RSA", "-keysize", "2048",
                        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "3",
                        "-storetype", "PKCS12", "-keystore", file.toString(),
                        "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
                        .redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes());
                if (keytool.waitFor() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                selfSignedKeyStore = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return selfSignedKeyStore;
    }

    /** Puts a file on the SFTP server; answers its sftp:// URL (the path is absolute on the server). */
    static synchronized String sftpFile(String name, byte[] bytes) {
        if (sftpRoot == null) {
            try {
                sftpRoot = Files.createTempDirectory("it-sftp");
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                sftpKey = generator.generateKeyPair();
                SshServer server = SshServer.setUpDefaultServer();
                server.setHost("127.0.0.1");
                server.setPort(0);
                hostKeys = new SimpleGeneratorHostKeyProvider();
                server.setKeyPairProvider(hostKeys);
                server.setPasswordAuthenticator((user, password, session) ->
                        SFTP_USER.equals(user) && SFTP_PASSWORD.equals(password));
                server.setPublickeyAuthenticator((user, key, session) ->
                        SFTP_USER.equals(user) && KeyUtils.compareKeys(sftpKey.getPublic(), key));
                server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
                server.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
                server.start();
                sftpPort = server.getPort();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop(true);
                    } catch (IOException ignored) {
                        // the JVM is ending
                    }
                }));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("Cannot start the SFTP server", e);
            }
        }
        write(sftpRoot.resolve(name), bytes);
        return "sftp://127.0.0.1:" + sftpPort + "/" + name;
    }

    /** The private key the SFTP server accepts, in PKCS#8 PEM form. */
    static synchronized String sftpPrivateKey() {
        sftpFile(".started", new byte[0]);
        return pem(sftpKey.getPrivate().getEncoded());
    }

    /** The SFTP server's host key as known_hosts writes it ("ecdsa-sha2-nistp521 AAAA..."). */
    static synchronized String sftpHostKey() {
        sftpFile(".started", new byte[0]);
        return PublicKeyEntry.toString(hostKeys.loadKeys(null).iterator().next().getPublic());
    }

    /** A host key of the same type that the SFTP server does not have. */
    static String otherHostKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(521);
            return PublicKeyEntry.toString(generator.generateKeyPair().getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another RSA key, which the SFTP server does not accept. */
    static String otherPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return pem(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
