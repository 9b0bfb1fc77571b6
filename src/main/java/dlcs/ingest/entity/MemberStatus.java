package dlcs.ingest.entity;

/** Where one member of a batch stands. */
public enum MemberStatus {
    /** Waiting in the queue or being processed. */
    QUEUED,
    /** Its derivative is written and serving. */
    COMPLETED,
    /** It failed for good; the member's error says why. */
    ERROR,
    /** A later registration of the same image took over; this batch no longer answers for it. */
    SUPERSEDED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MemberStatus parse(String label) {
        for (MemberStatus status : values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        return null;
    }
}
