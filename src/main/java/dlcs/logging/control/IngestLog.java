package dlcs.logging.control;

import dlcs.origin.control.NetworkRules;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ingest log: one line per attempt to make an image's derivative, whichever way it came
 * (a queued batch member, an immediate registration from an origin, bytes uploaded), at INFO
 * under the logger {@value #LOGGER}. For example:
 *
 * <pre>customer=2 space=1 id=page-1 origin=https bytes=369344 ms=842 batch=17 outcome=completed reason=-</pre>
 *
 * Every key is always there, in this order; {@code -} stands for none ({@code batch=-} is an
 * immediate registration). The origin is its scheme only, or {@code upload}: the URL can carry
 * a private host or a signed query, and stays in the database.
 */
public final class IngestLog {

    /** The outcomes a line names. */
    public static final String COMPLETED = "completed";
    public static final String ERROR = "error";
    public static final String RETRIED = "retried";
    public static final String SUPERSEDED = "superseded";
    /** A reason or a batch that there is none of. */
    public static final String NONE = "-";

    /** Outside the packages' own loggers, so that its level is set apart from theirs. */
    public static final String LOGGER = "dlcs.log.ingest";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    private IngestLog() {
    }

    /**
     * Writes the line of an attempt on {@code customer/space/imageId} that began at
     * {@code startNanos} ({@link System#nanoTime()}), fetching {@code origin} (null: bytes were
     * uploaded), for {@code batch} (null: an immediate registration), that ended with
     * {@code outcome} ({@link #COMPLETED}, ...) for {@code reason} (a failure's label, or null)
     * from a master of {@code masterBytes}.
     */
    public static void write(long customer, int space, String imageId, String origin, Long batch, long startNanos,
                             String outcome, String reason, long masterBytes) {
        if (LOG.isLoggable(Level.INFO)) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            LOG.info(line(customer, space, imageId, origin, batch, millis, outcome, reason, masterBytes));
        }
    }

    static String line(long customer, int space, String imageId, String origin, Long batch, long millis,
                       String outcome, String reason, long masterBytes) {
        return "customer=" + customer + " space=" + space + " id=" + LogValues.token(imageId, 240)
                + " origin=" + scheme(origin) + " bytes=" + masterBytes + " ms=" + millis
                + " batch=" + (batch == null ? NONE : batch) + " outcome=" + outcome
                + " reason=" + (reason == null ? NONE : reason);
    }

    /**
     * The origin's scheme if it is one the server fetches, else {@code other}: what comes before
     * the first colon of a malformed origin can be anything, a user name included.
     */
    static String scheme(String origin) {
        if (origin == null) {
            return "upload";
        }
        int colon = origin.indexOf(':');
        String scheme = colon < 1 ? "" : origin.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        return NetworkRules.SCHEMES.contains(scheme) ? scheme : "other";
    }
}
