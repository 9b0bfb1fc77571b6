package dlcs.health.control;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * How every readiness check runs: timed ({@code ms}), UP unless its probe says otherwise or
 * throws, and a failure told by its kind only: a message may name a host, a path or a bucket, and
 * on Payara the health paths are on the public port. The log has the whole exception.
 */
final class Checks {

    private static final Logger LOG = Logger.getLogger(Checks.class.getName());

    /** What a check looks at; it adds its figures to the answer, and may set it DOWN. */
    interface Probe {
        void run(HealthCheckResponseBuilder answer) throws Exception;
    }

    private Checks() {
    }

    static HealthCheckResponse run(String name, Probe probe) {
        long start = System.nanoTime();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(name).up();
        try {
            probe.run(answer);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The readiness check '" + name + "' failed", e);
            answer.down().withData("error", e.getClass().getSimpleName()).withData("detail", "in the server log");
        }
        return answer.withData("ms", (System.nanoTime() - start) / 1_000_000).build();
    }
}
