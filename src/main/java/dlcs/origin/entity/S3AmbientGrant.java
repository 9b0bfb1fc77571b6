package dlcs.origin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * What a customer may read with the server's own S3 identity (strategy {@code s3-ambient}): the
 * objects of one bucket, or of one prefix of it. Only an administrator grants it. A prefix is a
 * folder: it is empty (the whole bucket) or ends with {@code /}, so that {@code p/} never covers
 * {@code p2/}.
 */
@Entity
@Table(name = "S3_AMBIENT_GRANT", uniqueConstraints = @UniqueConstraint(columnNames = {"CUSTOMER", "BUCKET", "PREFIX"}))
public class S3AmbientGrant extends CustomerRecord {

    @Column(name = "BUCKET", nullable = false, length = 63)
    private String bucket;

    /** Empty for the whole bucket, else ending with "/". */
    @Column(name = "PREFIX", nullable = false, length = 1024)
    private String prefix;

    protected S3AmbientGrant() {
    }

    public S3AmbientGrant(long customer, String bucket, String prefix) {
        super(customer);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a grant's prefix is a folder");
        }
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /**
     * Whether the object {@code key} of {@code bucket} is within this grant. A key with a
     * {@code .} or {@code ..} segment is within none: a store or a client along the way may
     * resolve it to a key outside the prefix.
     */
    public boolean covers(String bucket, String key) {
        if (!this.bucket.equals(bucket) || !key.startsWith(prefix)) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The origins it covers, as a URL prefix: {@code s3://bucket/prefix}. */
    public String origins() {
        return "s3://" + bucket + "/" + prefix;
    }

    public String bucket() {
        return bucket;
    }

    public String prefix() {
        return prefix;
    }
}
