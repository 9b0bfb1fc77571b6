package dlcs.ingest.entity;

import dlcs.common.Text;
import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One image of a batch and how it fared. */
@Entity
@Table(name = "BATCH_MEMBER", indexes = {
        @Index(name = "MEMBER_BATCH", columnList = "BATCH,STATUS"),
        @Index(name = "MEMBER_IMAGE", columnList = "IMAGE_KEY,STATUS")})
public class BatchMember {

    /** Column length of the error; a longer reason is cut to it. */
    public static final int ERROR_LENGTH = 2000;

    /** "batch:customer/space/id". */
    @Id
    @Column(name = "MEMBER_KEY", length = 340)
    private String key;

    @Column(name = "BATCH", nullable = false)
    private long batch;

    @Column(name = "IMAGE_KEY", nullable = false, length = 300)
    private String imageKey;

    @Column(name = "POSITION")
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private MemberStatus status;

    @Column(length = ERROR_LENGTH)
    private String error;

    private int attempts;
    private Instant ended;

    /** When a message for this member was last sent: at intake, retry, or a sweep's resend. */
    @Column(name = "SENT")
    private Instant sent;

    /**
     * When a worker last began an attempt: written as it begins, by plain SQL in a transaction of
     * its own ({@link dlcs.ingest.control.AttemptLog#begin}), so that it moves no version.
     */
    @Column(name = "ATTEMPT_STARTED")
    private Instant attemptStarted;

    @Version
    private long version;

    protected BatchMember() {
    }

    public BatchMember(long batch, String imageKey, int position) {
        this.key = keyOf(batch, imageKey);
        this.batch = batch;
        this.imageKey = imageKey;
        this.position = position;
        this.status = MemberStatus.QUEUED;
        this.sent = DatabaseClock.now();
    }

    public static String keyOf(long batch, String imageKey) {
        return batch + ":" + imageKey;
    }

    public void attempt(String reason) {
        attempts++;
        error = Text.clip(reason, ERROR_LENGTH);
    }

    public void complete() {
        status = MemberStatus.COMPLETED;
        error = null;
        ended = DatabaseClock.now();
    }

    public void fail(String reason) {
        status = MemberStatus.ERROR;
        error = Text.clip(reason, ERROR_LENGTH);
        ended = DatabaseClock.now();
    }

    public void supersede() {
        status = MemberStatus.SUPERSEDED;
        ended = DatabaseClock.now();
    }

    public void requeue() {
        status = MemberStatus.QUEUED;
        error = null;
        attempts = 0;
        ended = null;
        sent = DatabaseClock.now();
    }

    /** Its message was lost (the broker's journal with it, say) and has been sent again. */
    public void resent() {
        sent = DatabaseClock.now();
    }

    public String key() {
        return key;
    }

    public long batch() {
        return batch;
    }

    public String imageKey() {
        return imageKey;
    }

    public MemberStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public int attempts() {
        return attempts;
    }

    public Instant ended() {
        return ended;
    }

    public Instant sent() {
        return sent;
    }

    public Instant attemptStarted() {
        return attemptStarted;
    }
}
