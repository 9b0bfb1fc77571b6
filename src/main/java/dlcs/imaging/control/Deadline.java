package dlcs.imaging.control;

import java.time.Duration;

/**
 * When a piece of pixel work must give up: checked between tiles, bands and rows of the render
 * loops, so that work that takes too long stops instead of holding a core. The caller decides
 * what the time limit means for its own clients; here it is only a point in time.
 */
@FunctionalInterface
public interface Deadline {

    /** No time limit: for ingest and tests. */
    Deadline NONE = () -> false;

    /** Whether the time is up. Cheap: called once per tile, band or row. */
    boolean passed();

    /** Throws {@link DeadlinePassedException} once the time is up. */
    default void check() {
        if (passed()) {
            throw new DeadlinePassedException();
        }
    }

    /** A deadline {@code limit} from now. */
    static Deadline after(Duration limit) {
        long at = System.nanoTime() + limit.toNanos();
        return () -> System.nanoTime() - at > 0;
    }
}
