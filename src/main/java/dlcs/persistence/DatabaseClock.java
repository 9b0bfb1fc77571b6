package dlcs.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time as the database keeps it: to the microsecond. An entity stamped with
 * {@link Instant#now()} (nanoseconds) showed one value while it stayed in the persistence cache
 * and another once it was read back from the database.
 */
public final class DatabaseClock {

    private DatabaseClock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
