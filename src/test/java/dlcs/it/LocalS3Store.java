package dlcs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible store on 127.0.0.1 for a local cluster: S3Proxy in this JVM, keeping its
 * buckets as directories under a given directory (so a restart finds every object), with one
 * access key. The bucket the nodes store derivatives in is made on start.
 */
public final class LocalS3Store implements AutoCloseable {

    private final S3Proxy proxy;
    private final int port;
    private final String accessKey;
    private final String secretKey;

    private LocalS3Store(S3Proxy proxy, int port, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts the store on 127.0.0.1:{@code port} with its buckets in {@code directory}, and {@code bucket} in it. */
    public static LocalS3Store start(Path directory, int port, String bucket, String accessKey, String secretKey) {
        try {
            Files.createDirectories(directory.resolve(bucket));
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(directory.toString()))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .build();
            proxy.start();
            for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(50);
            }
            if (!"STARTED".equals(proxy.getState())) {
                throw new IllegalStateException("S3Proxy did not start on port " + port + ": " + proxy.getState());
            }
            return new LocalS3Store(proxy, port, accessKey, secretKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start S3Proxy on port " + port, e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }
}
