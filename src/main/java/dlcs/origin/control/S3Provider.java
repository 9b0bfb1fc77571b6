package dlcs.origin.control;

import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import org.apache.commons.vfs2.Capability;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystem;
import org.apache.commons.vfs2.FileSystemConfigBuilder;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.FileType;
import org.apache.commons.vfs2.UserAuthenticationData;
import org.apache.commons.vfs2.provider.AbstractFileName;
import org.apache.commons.vfs2.provider.AbstractFileObject;
import org.apache.commons.vfs2.provider.AbstractFileSystem;
import org.apache.commons.vfs2.provider.AbstractOriginatingFileProvider;
import org.apache.commons.vfs2.provider.GenericFileName;
import org.apache.commons.vfs2.provider.HostFileNameParser;
import org.apache.commons.vfs2.util.UserAuthenticatorUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A Commons VFS provider for {@code s3://bucket/key} on the AWS SDK v2 (the VFS S3 providers
 * that exist sit on the SDK v1, which reached its end of life). Reads objects only: that is all
 * fetching an origin needs. Any S3-compatible store works through {@link S3Options}; the hosts of
 * a tenant's own endpoint pass the {@link NetworkRules} on every connection.
 */
final class S3Provider extends AbstractOriginatingFileProvider {

    private static final Collection<Capability> CAPABILITIES = List.of(Capability.GET_TYPE, Capability.READ_CONTENT,
            Capability.URI);
    private static final UserAuthenticationData.Type[] KEYS = {UserAuthenticationData.USERNAME,
        UserAuthenticationData.PASSWORD};

    private final NetworkRules rules;

    S3Provider(NetworkRules rules) {
        this.rules = rules;
        setFileNameParser(new HostFileNameParser(-1));
    }

    @Override
    protected FileSystem doCreateFileSystem(FileName name, FileSystemOptions options) throws FileSystemException {
        S3Options settings = S3Options.get();
        AwsCredentialsProvider credentials;
        UserAuthenticationData keys = UserAuthenticatorUtils.authenticate(options, KEYS);
        try {
            String accessKey = UserAuthenticatorUtils.toString(UserAuthenticatorUtils.getData(keys,
                    UserAuthenticationData.USERNAME, null));
            String secretKey = UserAuthenticatorUtils.toString(UserAuthenticatorUtils.getData(keys,
                    UserAuthenticationData.PASSWORD, null));
            credentials = accessKey == null || accessKey.isEmpty() ? ambient()
                    : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        } finally {
            UserAuthenticatorUtils.cleanup(keys);
        }
        Apache5HttpClient.Builder http = Apache5HttpClient.builder()
                .connectionTimeout(settings.connectTimeout(options))
                .socketTimeout(settings.readTimeout(options))
                .useIdleConnectionReaper(false);
        if (settings.checkHosts(options)) {
            // the tenant's endpoint: every host connected to (in virtual-host addressing
            // <bucket>.<endpoint host>, a name the tenant controls) is resolved by the rules, and
            // connected to directly, never through a proxy that would resolve it again
            http.dnsResolver(new CheckedDnsResolver(rules))
                    .proxyConfiguration(ProxyConfiguration.builder().useSystemPropertyValues(false)
                            .useEnvironmentVariableValues(false).build());
        }
        S3ClientBuilder client = S3Client.builder()
                .region(Region.of(settings.region(options)))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle(options))
                .httpClientBuilder(http);
        if (settings.endpoint(options) != null) {
            client.endpointOverride(URI.create(settings.endpoint(options)));
        }
        return new S3FileSystem((GenericFileName) name, options, client.build());
    }

    /** The bucket that {@code name}, an s3 file's name, reads from. */
    static String bucket(FileName name) {
        return ((GenericFileName) name).getHostName();
    }

    /** The key that {@code name}, an s3 file's name, reads: its path as VFS normalised it, decoded. */
    static String key(FileName name) throws FileSystemException {
        String path = name.getPathDecoded();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static AwsCredentialsProvider ambientCredentials;

    /** The SDK's default chain (environment, profile, instance role), one for all fetches: it caches what it finds. */
    private static synchronized AwsCredentialsProvider ambient() {
        if (ambientCredentials == null) {
            ambientCredentials = DefaultCredentialsProvider.builder().build();
        }
        return ambientCredentials;
    }

    @Override
    public Collection<Capability> getCapabilities() {
        return CAPABILITIES;
    }

    @Override
    public FileSystemConfigBuilder getConfigBuilder() {
        return S3Options.get();
    }

    /** One bucket, through one client. */
    static final class S3FileSystem extends AbstractFileSystem {
        private final S3Client client;
        private final String bucket;

        S3FileSystem(GenericFileName root, FileSystemOptions options, S3Client client) {
            super(root, null, options);
            this.client = client;
            this.bucket = S3Provider.bucket(root);
        }

        @Override
        protected FileObject createFile(AbstractFileName name) {
            return new S3Object(name, this);
        }

        @Override
        protected void addCapabilities(Collection<Capability> capabilities) {
            capabilities.addAll(CAPABILITIES);
        }

        @Override
        protected void doCloseCommunicationLink() {
            client.close();
        }
    }

    /** An object of the bucket, by its key. */
    static final class S3Object extends AbstractFileObject<S3FileSystem> {
        private HeadObjectResponse head;

        S3Object(AbstractFileName name, S3FileSystem fileSystem) {
            super(name, fileSystem);
        }

        private String key() throws FileSystemException {
            return S3Provider.key(getName());
        }

        @Override
        protected void doDetach() {
            head = null;
        }

        @Override
        protected FileType doGetType() throws Exception {
            String key = key();
            if (key.isEmpty()) {
                return FileType.FOLDER;
            }
            try {
                S3FileSystem fileSystem = getAbstractFileSystem();
                head = fileSystem.client.headObject(request -> request.bucket(fileSystem.bucket).key(key));
                return FileType.FILE;
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return FileType.IMAGINARY;
                }
                throw e;
            }
        }

        @Override
        protected long doGetContentSize() {
            return head.contentLength();
        }

        @Override
        protected InputStream doGetInputStream(int bufferSize) throws Exception {
            String key = key();
            S3FileSystem fileSystem = getAbstractFileSystem();
            return fileSystem.client.getObject(request -> request.bucket(fileSystem.bucket).key(key));
        }

        @Override
        protected String[] doListChildren() {
            return new String[0];
        }
    }
}
