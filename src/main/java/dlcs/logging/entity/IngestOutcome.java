package dlcs.logging.entity;

import dlcs.common.Problem;
import java.util.Locale;

/**
 * How one attempt to make an image's derivative ended: {@code completed}, an {@code error}
 * (permanent: the image records it), {@code retried} (transient: the queue tries again), or
 * {@code superseded} (the image was registered again or deleted meanwhile, and the work was
 * dropped). The reason is a short class of failure, the title of the {@link Problem} the failure
 * stands for ({@code origin-timed-out}, {@code not-a-readable-image}); never the failure's
 * message, which may quote the origin.
 *
 * @param bytes the size of the master the derivative was made from; 0 when none was made
 */
public record IngestOutcome(String kind, String reason, long bytes) {

    public static final String NO_REASON = "-";

    public static IngestOutcome completed(long bytes) {
        return new IngestOutcome("completed", NO_REASON, bytes);
    }

    public static IngestOutcome error(Throwable failure) {
        return new IngestOutcome("error", reasonOf(failure), 0);
    }

    public static IngestOutcome retried(Throwable failure) {
        return new IngestOutcome("retried", reasonOf(failure), 0);
    }

    public static IngestOutcome superseded() {
        return new IngestOutcome("superseded", NO_REASON, 0);
    }

    /**
     * The class of {@code failure} as one lower-case word or hyphenated words: its problem's title
     * ("Origin timed out" is {@code origin-timed-out}, a bug {@code internal-server-error}).
     * Titles are fixed texts in the code, so nothing a client sent reaches the log this way.
     */
    static String reasonOf(Throwable failure) {
        String title = Problem.of(failure).title().toLowerCase(Locale.ROOT);
        StringBuilder reason = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                reason.append(c);
            } else if (!reason.isEmpty() && reason.charAt(reason.length() - 1) != '-') {
                reason.append('-');
            }
        }
        while (!reason.isEmpty() && reason.charAt(reason.length() - 1) == '-') {
            reason.setLength(reason.length() - 1);
        }
        return reason.isEmpty() ? "unknown" : reason.toString();
    }
}
