package dlcs.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * Limits on what one customer may store, across all its spaces, as the DLCS's StoragePolicy:
 * how many images, and how many bytes of derivatives (thumbnails are not counted against it,
 * as in the DLCS). The {@link #DEFAULT} policy is not stored: its limits come from configuration.
 */
@Entity
@Table(name = "STORAGE_POLICY")
public class StoragePolicy {

    public static final String DEFAULT = "default";
    public static final int ID_LENGTH = 100;

    @Id
    @Column(name = "POLICY_ID", length = ID_LENGTH)
    private String id;

    private long maximumNumberOfStoredImages;
    private long maximumTotalSizeOfStoredImages;

    protected StoragePolicy() {
    }

    public StoragePolicy(String id, long maximumNumberOfStoredImages, long maximumTotalSizeOfStoredImages) {
        this.id = id;
        limit(maximumNumberOfStoredImages, maximumTotalSizeOfStoredImages);
    }

    public void limit(long images, long bytes) {
        if (images < 0 || bytes < 0) {
            throw new IllegalArgumentException("Limits cannot be negative: " + images + ", " + bytes);
        }
        maximumNumberOfStoredImages = images;
        maximumTotalSizeOfStoredImages = bytes;
    }

    /**
     * Why {@code usage} may not take a change of {@code newImages} (0 or 1) images and
     * {@code growth} bytes of derivatives, if it may not: a change that would take a figure over
     * its limit, or further over it when the limit was lowered below it. A change that adds
     * nothing (a re-ingest, a smaller derivative) is always allowed.
     */
    public Optional<String> refusal(StorageUsage usage, int newImages, long growth) {
        long images = usage.numberOfStoredImages();
        if (newImages > 0 && images + newImages > maximumNumberOfStoredImages) {
            return Optional.of("Customer " + usage.customer() + " stores " + images + " images, and its storage policy '"
                    + id + "' allows at most " + maximumNumberOfStoredImages
                    + " (maximumNumberOfStoredImages). Delete images, or ask an administrator for a larger policy.");
        }
        long bytes = usage.totalSizeOfStoredImages();
        if (growth > 0 && Math.addExact(bytes, growth) > maximumTotalSizeOfStoredImages) {
            return Optional.of("Customer " + usage.customer() + " stores " + bytes + " bytes of images, this one would add "
                    + growth + ", and its storage policy '" + id + "' allows at most " + maximumTotalSizeOfStoredImages
                    + " bytes (maximumTotalSizeOfStoredImages). Delete images, or ask an administrator for a larger"
                    + " policy.");
        }
        return Optional.empty();
    }

    public String id() {
        return id;
    }

    public long maximumNumberOfStoredImages() {
        return maximumNumberOfStoredImages;
    }

    public long maximumTotalSizeOfStoredImages() {
        return maximumTotalSizeOfStoredImages;
    }
}
