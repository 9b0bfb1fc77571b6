package dlcs.origin.control;

import java.time.Duration;
import org.apache.commons.vfs2.FileSystem;
import org.apache.commons.vfs2.FileSystemConfigBuilder;
import org.apache.commons.vfs2.FileSystemOptions;

/**
 * How the {@link S3Provider} reaches a store: its endpoint (none: AWS), region, path-style or
 * virtual-host addressing, and timeouts. The access key goes in as the VFS user name and the
 * secret as its password; with neither, the AWS SDK's default credentials chain is used.
 */
final class S3Options extends FileSystemConfigBuilder {

    private static final S3Options INSTANCE = new S3Options();

    private S3Options() {
        super("s3.");
    }

    static S3Options get() {
        return INSTANCE;
    }

    /**
     * {@code checkHosts}: the endpoint is a tenant's, so every host the client connects to
     * passes the network rules; the server's own endpoint (configured by its operator) does not.
     */
    void set(FileSystemOptions options, String endpoint, boolean checkHosts, String region, boolean pathStyle,
             Duration connectTimeout, Duration readTimeout) {
        setParam(options, "endpoint", endpoint);
        setParam(options, "checkHosts", checkHosts);
        setParam(options, "region", region);
        setParam(options, "pathStyle", pathStyle);
        setParam(options, "connectTimeout", connectTimeout);
        setParam(options, "readTimeout", readTimeout);
    }

    String endpoint(FileSystemOptions options) {
        return getString(options, "endpoint");
    }

    boolean checkHosts(FileSystemOptions options) {
        return getBoolean(options, "checkHosts", true);
    }

    String region(FileSystemOptions options) {
        return getString(options, "region", "us-east-1");
    }

    boolean pathStyle(FileSystemOptions options) {
        return getBoolean(options, "pathStyle", false);
    }

    Duration connectTimeout(FileSystemOptions options) {
        return getDuration(options, "connectTimeout", Duration.ofSeconds(10));
    }

    Duration readTimeout(FileSystemOptions options) {
        return getDuration(options, "readTimeout", Duration.ofSeconds(30));
    }

    @Override
    protected Class<? extends FileSystem> getConfigClass() {
        return S3Provider.S3FileSystem.class;
    }
}
