package dlcs.usage.entity;

import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The usage figures of one space of a customer, or, in the row of space 0 (as in the DLCS), of
 * the whole customer, which also names its storage policy. The figures are changed only by SQL
 * increments in {@link dlcs.usage.control.UsageLedger}, never by read-modify-write; so the rows
 * are never cached, and have no version (a bulk update would bump it).
 */
@Entity
@Table(name = "STORAGE_USAGE")
@Cacheable(false)
public class StorageUsage {

    /** The space number of the row that totals a whole customer. */
    public static final int WHOLE_CUSTOMER = 0;

    /** "customer/space". */
    @Id
    @Column(name = "USAGE_KEY", length = 40)
    private String key;

    @Column(name = "CUSTOMER", nullable = false)
    private long customer;

    @Column(name = "SPACE", nullable = false)
    private int space;

    private long numberOfStoredImages;
    private long totalSizeOfStoredImages;
    private long totalSizeOfThumbnails;
    private Instant lastCalculated;

    /** The customer's storage policy (customer row only); null is the default policy. */
    @Column(length = StoragePolicy.ID_LENGTH)
    private String storagePolicy;

    protected StorageUsage() {
    }

    public StorageUsage(long customer, int space) {
        this.key = keyOf(customer, space);
        this.customer = customer;
        this.space = space;
        this.lastCalculated = DatabaseClock.now();
    }

    public static String keyOf(long customer, int space) {
        return customer + "/" + space;
    }

    /** Figures of nothing stored, for a customer or space that has not stored anything yet. */
    public static StorageUsage empty(long customer, int space) {
        return new StorageUsage(customer, space);
    }

    public void governBy(String policy) {
        storagePolicy = StoragePolicy.DEFAULT.equals(policy) ? null : policy;
    }

    public long customer() {
        return customer;
    }

    public int space() {
        return space;
    }

    public long numberOfStoredImages() {
        return numberOfStoredImages;
    }

    public long totalSizeOfStoredImages() {
        return totalSizeOfStoredImages;
    }

    public long totalSizeOfThumbnails() {
        return totalSizeOfThumbnails;
    }

    public Instant lastCalculated() {
        return lastCalculated;
    }

    public String storagePolicy() {
        return storagePolicy == null ? StoragePolicy.DEFAULT : storagePolicy;
    }
}
