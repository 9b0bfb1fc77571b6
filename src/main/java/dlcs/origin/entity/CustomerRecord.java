package dlcs.origin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import dlcs.persistence.DatabaseClock;
import java.time.Instant;
import java.util.UUID;

/** What a customer keeps about its origins, each under an id of its own: a strategy, an S3 grant. */
@MappedSuperclass
public abstract class CustomerRecord {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CUSTOMER", nullable = false)
    private long customer;

    @Column(nullable = false)
    private Instant created;

    protected CustomerRecord() {
    }

    protected CustomerRecord(long customer) {
        this.id = UUID.randomUUID().toString();
        this.customer = customer;
        this.created = DatabaseClock.now();
    }

    public final String id() {
        return id;
    }

    public final long customer() {
        return customer;
    }

    public final Instant created() {
        return created;
    }
}
