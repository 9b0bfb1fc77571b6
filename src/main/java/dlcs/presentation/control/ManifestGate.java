package dlcs.presentation.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many manifests are built at once. Manifests are public and a large one costs a database
 * query and tens of milliseconds of CPU, so without a bound anonymous requests for large
 * selections could keep every core busy and starve the tiles. A build waits at most
 * {@code dlcs.presentation.wait-ms} for its turn, then is refused with 503 and Retry-After.
 */
@ApplicationScoped
public class ManifestGate {

    @Inject
    @ConfigProperty(name = "dlcs.presentation.max-concurrent", defaultValue = "0")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "dlcs.presentation.wait-ms", defaultValue = "1000")
    long waitMillis;

    private Semaphore turns;

    @PostConstruct
    void open() {
        turns = new Semaphore(permits(maxConcurrent));
    }

    /** {@code configured}, or the number of cores when it is 0 or less. */
    static int permits(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    /** The result of {@code build}, run once a turn is free. */
    public <T> T build(Supplier<T> build) {
        boolean taken;
        try {
            taken = turns.tryAcquire(Math.max(0, waitMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw new ManifestsBusyException("The server is building as many manifests as it builds at once"
                    + " (dlcs.presentation.max-concurrent) and this one waited its limit: ask again shortly.");
        }
        try {
            return build.get();
        } finally {
            turns.release();
        }
    }
}
