package dlcs.security.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins where every node sees them ({@link SignInFailures}, in the database), so that an
 * attacker behind a load balancer gets the configured guesses in all, not that many per node. The
 * {@link SignInThrottle} keeps its own counts in memory and takes the larger of the two; it reads
 * these only before a check it would otherwise pay for, and writes them only when one fails.
 */
public interface SharedCounts {

    /** The count of one key or address: how many failures, the last at {@code last}. */
    record Counted(int failures, Instant last) {
    }

    /** A node alone: nothing is shared, the throttle's own counts are all there is. */
    SharedCounts NONE = new SharedCounts() {
        @Override
        public Optional<Map<String, Counted>> read(List<String> names) {
            return Optional.empty();
        }

        @Override
        public void failed(String name, Instant at, Instant restartBefore) {
        }

        @Override
        public void forget(String name) {
        }

        @Override
        public void sweep(Instant forgottenBefore, int keep) {
        }
    };

    /**
     * The counts of those of {@code names} that have failed lately, by name (a name without a
     * count has not failed since it was forgotten, or since it signed in); empty when they cannot
     * be read.
     */
    Optional<Map<String, Counted>> read(List<String> names);

    /**
     * One more failure of {@code name} at {@code at}; counted from one again if its last failure
     * was before {@code restartBefore} (its count is forgotten).
     */
    void failed(String name, Instant at, Instant restartBefore);

    /** {@code name} signed in: its count starts again. */
    void forget(String name);

    /**
     * Deletes the counts whose last failure was before {@code forgottenBefore}, then all but the
     * {@code keep} newest.
     */
    void sweep(Instant forgottenBefore, int keep);
}
