package dlcs.storage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the one {@link DerivativeStore} of the application from configuration, and checks that
 * configuration when the application starts, so that a mistake stops the deployment with a
 * message rather than failing every request. {@code dlcs.storage.type} is {@code local} (the
 * default: {@code dlcs.storage.directory}, else {@code storage/} in the data directory) or
 * {@code s3} (the {@code dlcs.storage.s3.*} keys, and the {@code dlcs.storage.cache.*} bounds
 * of the node's cache of what was read). Every key has an environment variable equivalent
 * through MicroProfile Config ({@code DLCS_STORAGE_TYPE}, ...); the README lists them.
 */
@ApplicationScoped
public class DerivativeStores {

    private static final Logger LOG = Logger.getLogger(DerivativeStores.class.getName());
    private static final long MEGABYTE = 1024 * 1024;

    @Inject
    DataDirectory data;

    @Inject
    Config config;

    @Inject
    DeletionHold hold;

    @Produces
    @ApplicationScoped
    DerivativeStore store() {
        if (!s3()) {
            return new LocalDerivativeStore(localDirectory(), hold);
        }
        Path cache = data.root().resolve("cache").resolve("storage");
        S3Objects.Settings settings = s3Settings();
        return new S3DerivativeStore(new S3Objects(settings), settings.bucket(), prefix(),
                data.root().resolve("staging"), new MemoryCache(megabytes("dlcs.storage.cache.memory-mb", 64)),
                new DiskCache(cache, megabytes("dlcs.storage.cache.disk-mb", 1024)),
                Duration.ofSeconds(number("dlcs.storage.s3.check-seconds", 2, 0, 3600)));
    }

    void close(@Disposes DerivativeStore store) {
        if (store instanceof S3DerivativeStore s3) {
            s3.close();
        }
    }

    /** Checks the configuration at deployment and says where derivatives go. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (s3()) {
            S3Objects.Settings settings = s3Settings();
            megabytes("dlcs.storage.cache.memory-mb", 64);
            megabytes("dlcs.storage.cache.disk-mb", 1024);
            number("dlcs.storage.s3.check-seconds", 2, 0, 3600);
            LOG.info("Derivatives are stored in S3 bucket " + settings.bucket() + " under '" + prefix() + "' at "
                    + Optional.ofNullable(settings.endpoint()).orElse("AWS region " + settings.region()));
        } else {
            LOG.info("Derivatives are stored in " + localDirectory());
        }
    }

    private boolean s3() {
        String type = config.getOptionalValue("dlcs.storage.type", String.class).orElse("local").trim();
        return switch (type) {
            case "local" -> false;
            case "s3" -> true;
            default -> throw new IllegalStateException("dlcs.storage.type is '" + type + "'; set it to local (a"
                    + " directory, also a shared one) or s3 (an S3-compatible bucket).");
        };
    }

    private Path localDirectory() {
        return text("dlcs.storage.directory").map(Path::of).map(Path::toAbsolutePath).orElseGet(data::storage);
    }

    private S3Objects.Settings s3Settings() {
        String bucket = text("dlcs.storage.s3.bucket").orElseThrow(() -> new IllegalStateException(
                "dlcs.storage.type is s3 but dlcs.storage.s3.bucket is not set: name the bucket that holds the"
                        + " derivatives."));
        Optional<String> accessKey = text("dlcs.storage.s3.access-key");
        Optional<String> secretKey = text("dlcs.storage.s3.secret-key");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalStateException("Set both dlcs.storage.s3.access-key and dlcs.storage.s3.secret-key, or"
                    + " neither (then the AWS SDK's default credentials chain is used).");
        }
        return new S3Objects.Settings(bucket, text("dlcs.storage.s3.endpoint").orElse(null),
                text("dlcs.storage.s3.region").orElse("us-east-1"),
                config.getOptionalValue("dlcs.storage.s3.path-style", Boolean.class).orElse(false),
                accessKey.orElse(null), secretKey.orElse(null),
                Duration.ofSeconds(number("dlcs.storage.s3.connect-timeout-seconds", 10, 1, 600)),
                Duration.ofSeconds(number("dlcs.storage.s3.read-timeout-seconds", 30, 1, 3600)),
                (int) number("dlcs.storage.s3.max-connections", 64, 1, 10_000));
    }

    /** The key prefix: empty, or ending with exactly one '/'. */
    private String prefix() {
        String prefix = text("dlcs.storage.s3.prefix").orElse("").replaceAll("^/+|/+$", "");
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    private long megabytes(String key, long defaultValue) {
        return number(key, defaultValue, 0, 1024L * 1024) * MEGABYTE;
    }

    private long number(String key, long defaultValue, long min, long max) {
        long value = config.getOptionalValue(key, Long.class).orElse(defaultValue);
        if (value < min || value > max) {
            throw new IllegalStateException(key + " is " + value + "; it must be from " + min + " to " + max + ".");
        }
        return value;
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }
}
