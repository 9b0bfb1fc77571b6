package dlcs.health.control;

import dlcs.storage.control.DerivativeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the derivative store can be used: its directory is writable, or its bucket answers a
 * listing ({@link DerivativeStore#checkReachable}). Says which kind of store, not where it is.
 */
@Readiness
@ApplicationScoped
public class StorageCheck implements HealthCheck {

    @Inject
    DerivativeStore store;

    @Override
    public HealthCheckResponse call() {
        return Checks.run("storage", answer -> {
            answer.withData("type", store.type());
            store.checkReachable();
        });
    }
}
