package dlcs.security.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Shared counts that never fail a sign-in: when they cannot be read or written (the database is
 * away), the fault is logged once, and for {@link #ALONE_AFTER_FAULT} they are not asked at all,
 * so that no sign-in waits on them, while each node's own counts go on throttling. The sweep is
 * left to fail: its caller logs it and runs it again.
 */
final class FailSafeCounts implements SharedCounts {

    /** How long the shared counts are left alone after a fault. */
    static final Duration ALONE_AFTER_FAULT = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(FailSafeCounts.class.getName());

    private final SharedCounts counts;
    private final Clock clock;
    /** Until when the shared counts are left alone; null while they answer. */
    private Instant alone;

    FailSafeCounts(SharedCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public Optional<Map<String, Counted>> read(List<String> names) {
        return safely(() -> counts.read(names), Optional.empty());
    }

    @Override
    public void failed(String name, Instant at, Instant restartBefore) {
        safely(() -> {
            counts.failed(name, at, restartBefore);
            return null;
        }, null);
    }

    @Override
    public void forget(String name) {
        safely(() -> {
            counts.forget(name);
            return null;
        }, null);
    }

    @Override
    public void sweep(Instant forgottenBefore, int keep) {
        counts.sweep(forgottenBefore, keep);
    }

    private <T> T safely(Supplier<T> call, T otherwise) {
        synchronized (this) {
            if (alone != null && clock.instant().isBefore(alone)) {
                return otherwise;
            }
        }
        try {
            return call.get();
        } catch (RuntimeException e) {
            synchronized (this) {
                alone = clock.instant().plus(ALONE_AFTER_FAULT);
            }
            LOG.warning("The failed sign-ins of every node cannot be read or written (" + e + "): this node counts"
                    + " its own, and tries them again in " + ALONE_AFTER_FAULT.toSeconds() + " s.");
            return otherwise;
        }
    }
}
