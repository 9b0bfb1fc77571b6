package dlcs.registration.control;

import dlcs.common.ClientError;
import dlcs.imaging.control.ImageTooLargeException;
import dlcs.imaging.control.UnreadableImageException;
import dlcs.origin.control.OriginException;
import dlcs.usage.control.QuotaExceededException;
import java.util.Locale;

/**
 * Why an ingest failed, in a few words from a fixed set: the label {@code reason} of the failure
 * figures. The member's error keeps the full message; a label never does (a message may name the
 * origin, and each would be a series of its own).
 */
public enum IngestFailure {
    /** The origin is down, refused the connection, answered 5xx or too slowly: worth retrying. */
    ORIGIN_UNAVAILABLE,
    /** The origin is not allowed, not found, or refused us (4xx, credentials, host key). */
    ORIGIN_REFUSED,
    /** The master is larger than this server fetches or decodes. */
    TOO_LARGE,
    /** The master is not an image this server can read. */
    UNREADABLE,
    /** The customer's storage policy allows no more. */
    QUOTA,
    /** Another request changed the image or its batch at the same moment. */
    CONFLICT,
    /** The outcome was recorded but its transaction did not commit: the broker delivers the message again. */
    NOT_COMMITTED,
    /** The broker gave up after its delivery attempts (the dead-letter queue). */
    GAVE_UP,
    /** Any other refusal the member's error explains. */
    OTHER,
    /** A fault of the server itself; its log has the stack trace. */
    SERVER_ERROR;

    /** The failure that {@code thrown}, raised while preparing the derivative, stands for. */
    public static IngestFailure of(Throwable thrown) {
        if (thrown instanceof OriginException origin) {
            return switch (origin.fault()) {
                case UNAVAILABLE, TIMEOUT -> ORIGIN_UNAVAILABLE;
                case TOO_LARGE -> TOO_LARGE;
                case REFUSED, NOT_FOUND -> ORIGIN_REFUSED;
            };
        }
        if (thrown instanceof ImageTooLargeException || thrown instanceof UploadTooLargeException) {
            return TOO_LARGE;
        }
        if (thrown instanceof UnreadableImageException) {
            return UNREADABLE;
        }
        if (thrown instanceof QuotaExceededException) {
            return QUOTA;
        }
        return thrown instanceof ClientError ? OTHER : SERVER_ERROR;
    }

    /** The label value: the name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
