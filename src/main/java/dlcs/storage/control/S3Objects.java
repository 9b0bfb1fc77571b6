package dlcs.storage.control;

import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The one class that speaks to an S3-compatible store (through the AWS SDK v2 and its Apache
 * HTTP client, as {@code dlcs.origin} does): whole objects up, byte ranges down, listings and
 * deletions. Keys are full keys (the store's prefix included); every failure is an
 * {@link IOException}, a missing object a {@link NoSuchFileException}.
 */
final class S3Objects implements AutoCloseable {

    /** How the server reaches its bucket; null keys mean the SDK's default credentials chain. */
    record Settings(String bucket, String endpoint, String region, boolean pathStyle, String accessKey,
                    String secretKey, Duration connectTimeout, Duration readTimeout, int maxConnections) {
    }

    /** An object found by a listing. */
    record Listed(String key, long size, Instant modified) {
    }

    private static final int DELETE_BATCH = 1000;

    private final S3Client client;
    private final String bucket;

    S3Objects(Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey()));
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // S3-compatible stores differ in which checksums they know: send and check only
                // those the protocol requires
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout())
                        .maxConnections(settings.maxConnections()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.client = builder.build();
        this.bucket = settings.bucket();
    }

    void put(String key, Path file) throws IOException {
        try {
            client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("store " + key, e);
        }
    }

    /** {@code length} (at least 1) bytes of an object from {@code offset}. */
    byte[] read(String key, long offset, int length) throws IOException {
        try {
            byte[] bytes = client.getObjectAsBytes(request -> request.bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1))).asByteArray();
            if (bytes.length != length) {
                throw new IOException("The store sent " + bytes.length + " bytes of " + key + " for a range of "
                        + length);
            }
            return bytes;
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw failure("read " + key, e);
        }
    }

    /** Every object whose key starts with {@code prefix}, in key order, page by page. */
    void list(String prefix, Consumer<Listed> action) throws IOException {
        try {
            for (S3Object object : client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                    .contents()) {
                action.accept(new Listed(object.key(), object.size(), object.lastModified()));
            }
        } catch (SdkException e) {
            throw failure("list " + prefix, e);
        }
    }

    /** Whether any object's key starts with {@code prefix}: one short listing. */
    boolean any(String prefix) throws IOException {
        try {
            return !client.listObjectsV2(request -> request.bucket(bucket).prefix(prefix).maxKeys(1)).contents()
                    .isEmpty();
        } catch (SdkException e) {
            throw failure("list " + prefix, e);
        }
    }

    void delete(List<String> keys) throws IOException {
        try {
            for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
                List<ObjectIdentifier> batch = new ArrayList<>();
                for (String key : keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))) {
                    batch.add(ObjectIdentifier.builder().key(key).build());
                }
                var response = client.deleteObjects(request -> request.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
                if (response.hasErrors() && !response.errors().isEmpty()) {
                    throw new IOException("The store did not delete " + response.errors().size() + " objects, the"
                            + " first " + response.errors().get(0).key() + ": " + response.errors().get(0).message());
                }
            }
        } catch (SdkException e) {
            throw failure("delete " + keys.size() + " objects", e);
        }
    }

    private IOException failure(String what, SdkException e) {
        String status = e instanceof S3Exception s3 ? " (HTTP " + s3.statusCode() + ")" : "";
        return new IOException("Could not " + what + " in bucket " + bucket + status + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        client.close();
    }
}
