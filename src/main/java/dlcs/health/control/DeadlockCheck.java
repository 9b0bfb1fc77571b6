package dlcs.health.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads are deadlocked, waiting on each other's monitors or locks for ever: the
 * one state the server cannot leave without a restart. Everything that may pass (a busy database,
 * a slow origin, a full disk) is readiness, not liveness, so that a restart is asked for only
 * when it helps.
 */
@Liveness
@ApplicationScoped
public class DeadlockCheck implements HealthCheck {

    static final String NAME = "deadlocks";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named(NAME).status(count == 0).withData("deadlockedThreads", count).build();
    }
}
