package dlcs.it;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3-compatible stores for tests: S3Proxy, in memory, on a port of 127.0.0.1, with AWS
 * signatures checked against one access key; and an SDK client for it.
 */
public final class S3Servers {

    private S3Servers() {
    }

    /** A running store on {@code port}; stop it with {@link S3Proxy#stop}. */
    public static S3Proxy start(int port, String accessKey, String secretKey) {
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new TransientNio2BlobStore())
                    .endpoint(URI.create(endpoint(port)))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .build();
            proxy.start();
            for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(50);
            }
            return proxy;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start S3Proxy on port " + port, e);
        }
    }

    public static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** A client of the store on {@code port}, path-style. */
    public static S3Client client(int port, String accessKey, String secretKey) {
        return S3Client.builder().endpointOverride(URI.create(endpoint(port))).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
