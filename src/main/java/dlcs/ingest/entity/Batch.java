package dlcs.ingest.entity;

import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Duration;
import java.time.Instant;

/**
 * A set of images queued together. Its counters are changed only by single SQL updates
 * ({@code completed = completed + 1}) in {@link dlcs.ingest.control.BatchStore}, never by
 * read-modify-write, so that concurrent message-driven beans cannot lose an update.
 * {@code finished} is set when every member is accounted for: completed, failed or superseded.
 */
@Entity
@Table(name = "BATCH", indexes = @Index(name = "BATCH_CUSTOMER", columnList = "CUSTOMER,SUBMITTED"))
public class Batch {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "batch-ids")
    @TableGenerator(name = "batch-ids", table = "ID_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "BATCH", allocationSize = 10)
    private long id;

    @Column(name = "CUSTOMER", nullable = false)
    private long customer;

    @Column(name = "SUBMITTED", nullable = false)
    private Instant submitted;

    private int count;
    private int completed;
    private int errors;
    private int supersededCount;
    private boolean priority;
    private Instant finished;

    protected Batch() {
    }

    public Batch(long customer, int count, boolean priority) {
        this.customer = customer;
        this.count = count;
        this.priority = priority;
        this.submitted = DatabaseClock.now();
    }

    public long id() {
        return id;
    }

    public long customer() {
        return customer;
    }

    public Instant submitted() {
        return submitted;
    }

    public int count() {
        return count;
    }

    public int completed() {
        return completed;
    }

    public int errors() {
        return errors;
    }

    public int supersededCount() {
        return supersededCount;
    }

    public boolean superseded() {
        return supersededCount > 0;
    }

    public boolean priority() {
        return priority;
    }

    public Instant finished() {
        return finished;
    }

    /** When the batch should finish at the rate it has gone so far; empty before any progress or once finished. */
    public Instant estimatedCompletion(Instant now) {
        int done = completed + errors + supersededCount;
        if (finished != null || done == 0) {
            return null;
        }
        Duration elapsed = Duration.between(submitted, now);
        return submitted.plus(elapsed.multipliedBy(count).dividedBy(done));
    }
}
