package dlcs.registration.entity;

import dlcs.common.Text;
import dlcs.imaging.entity.DerivativeBytes;
import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered image: its metadata, where it came from, and the state of its ingest.
 * Once {@link #finished()} is set the derivative under {@link #storageVersion()} serves it;
 * the origin is not needed again.
 */
@Entity
@Table(name = "IMAGE", indexes = {
        @Index(name = "IMAGE_SPACE", columnList = "CUSTOMER,SPACE,IMAGE_ID"),
        @Index(name = "IMAGE_STRING1", columnList = "CUSTOMER,SPACE,STRING1,NUMBER1")})
public class Image {

    /** Column lengths, in characters; the rules in registration.control allow no more. */
    public static final int IMAGE_ID_LENGTH = 220;
    public static final int ORIGIN_LENGTH = 2000;
    public static final int STRING_LENGTH = 1000;
    public static final int ERROR_LENGTH = 2000;

    /** "customer/space/id", the DLCS's own image key. */
    @Id
    @Column(name = "IMAGE_KEY", length = 300)
    private String key;

    @Column(name = "CUSTOMER", nullable = false)
    private long customer;

    @Column(name = "SPACE", nullable = false)
    private int space;

    @Column(name = "IMAGE_ID", nullable = false, length = IMAGE_ID_LENGTH)
    private String imageId;

    @Column(length = ORIGIN_LENGTH)
    private String origin;

    @Column(name = "STRING1", length = STRING_LENGTH)
    private String string1;
    @Column(length = STRING_LENGTH)
    private String string2;
    @Column(length = STRING_LENGTH)
    private String string3;
    private long number1;
    private long number2;
    private long number3;

    @Column(length = TagList.STORED_LENGTH)
    private String tags;
    @Column(length = TagList.STORED_LENGTH)
    private String roles;
    private int maxUnauthorised = -1;
    @Column(length = 100)
    private String mediaType;
    @Column(length = 100)
    private String thumbnailPolicy;

    @Column(nullable = false)
    private Instant created;
    private Instant queued;
    private Instant dequeued;
    private Instant finished;
    private boolean ingesting;
    /** Why the last ingest failed; a longer reason is cut to the column's length. */
    @Column(length = ERROR_LENGTH)
    private String error;
    private Integer width;
    private Integer height;
    private Long batch;

    /** Directory name of the current derivative; a new ingest writes a new one. */
    @Column(length = 64)
    private String storageVersion;

    /**
     * Bytes of the serving derivative (all but its thumbnails) and of its thumbnails, recorded
     * with it; null when the image is not (yet) counted in its customer's usage: no derivative
     * yet, or one made by a release that did not record sizes and not measured since.
     */
    private Long derivativeBytes;
    private Long thumbnailBytes;

    @Version
    private long version;

    protected Image() {
    }

    public Image(long customer, int space, String imageId) {
        this.key = keyOf(customer, space, imageId);
        this.customer = customer;
        this.space = space;
        this.imageId = imageId;
        this.created = DatabaseClock.now();
    }

    public static String keyOf(long customer, int space, String imageId) {
        return customer + "/" + space + "/" + imageId;
    }

    /** Replaces all metadata, as a registration does: what is not given takes the default. */
    public void register(ImageMetadata given, Space in) {
        origin = given.origin();
        string1 = given.string1();
        string2 = given.string2();
        string3 = given.string3();
        number1 = Objects.requireNonNullElse(given.number1(), 0L);
        number2 = Objects.requireNonNullElse(given.number2(), 0L);
        number3 = Objects.requireNonNullElse(given.number3(), 0L);
        tags = TagList.join(given.tags() != null ? given.tags() : in.defaultTags());
        roles = TagList.join(given.roles() != null ? given.roles() : in.defaultRoles());
        maxUnauthorised = given.maxUnauthorised() != null ? given.maxUnauthorised() : in.maxUnauthorised();
        thumbnailPolicy = Objects.requireNonNullElse(given.thumbnailPolicy(), "default");
    }

    /** Changes only what is given, as a PATCH does. */
    public void amend(ImageMetadata given) {
        if (given.origin() != null) {
            origin = given.origin();
        }
        string1 = given.string1() != null ? given.string1() : string1;
        string2 = given.string2() != null ? given.string2() : string2;
        string3 = given.string3() != null ? given.string3() : string3;
        number1 = given.number1() != null ? given.number1() : number1;
        number2 = given.number2() != null ? given.number2() : number2;
        number3 = given.number3() != null ? given.number3() : number3;
        tags = given.tags() != null ? TagList.join(given.tags()) : tags;
        roles = given.roles() != null ? TagList.join(given.roles()) : roles;
        maxUnauthorised = given.maxUnauthorised() != null ? given.maxUnauthorised() : maxUnauthorised;
        thumbnailPolicy = given.thumbnailPolicy() != null ? given.thumbnailPolicy() : thumbnailPolicy;
    }

    /**
     * The derivative is written: the image serves from {@code newStorageVersion}, which takes
     * {@code bytes}, from now on.
     */
    public String finishIngest(int newWidth, int newHeight, String newMediaType, String newStorageVersion,
                               DerivativeBytes bytes) {
        String previous = storageVersion;
        derivativeBytes = bytes.derivative();
        thumbnailBytes = bytes.thumbnails();
        width = newWidth;
        height = newHeight;
        mediaType = newMediaType;
        storageVersion = newStorageVersion;
        ingesting = false;
        error = null;
        Instant now = DatabaseClock.now();
        if (queued != null && dequeued == null) {
            dequeued = now;
        }
        finished = now;
        return previous;
    }

    /**
     * The serving derivative, made before sizes were recorded, has been measured: the image counts
     * in its customer's usage from now on.
     */
    public void measured(DerivativeBytes bytes) {
        if (storageVersion == null || derivativeBytes != null) {
            throw new IllegalStateException("Only a derivative without recorded sizes is measured: " + key);
        }
        derivativeBytes = bytes.derivative();
        thumbnailBytes = bytes.thumbnails();
    }

    /** Queued by a batch: the metadata is replaced now, the derivative comes when a worker gets to it. */
    public void queue(ImageMetadata given, Space in, long byBatch) {
        register(given, in);
        ingesting = true;
        queued = DatabaseClock.now();
        dequeued = null;
        error = null;
        batch = byBatch;
    }

    /** A batch member was re-queued after a failure. */
    public void requeue(long byBatch) {
        ingesting = true;
        queued = DatabaseClock.now();
        dequeued = null;
        error = null;
        batch = byBatch;
    }

    /** The ingest failed for good; a derivative made earlier, if any, keeps serving. */
    public void failIngest(String reason) {
        ingesting = false;
        error = Text.clip(reason, ERROR_LENGTH);
        if (queued != null && dequeued == null) {
            dequeued = DatabaseClock.now();
        }
    }

    /** Registered again outside the batch that held it: the batch no longer answers for it. */
    public Long releaseFromBatch() {
        Long previous = batch;
        batch = null;
        return previous;
    }

    /** Whether {@code candidate} is the batch this image's current registration belongs to. */
    public boolean isHeldBy(long candidate) {
        return batch != null && batch == candidate;
    }

    /** Whether a derivative exists to serve (perhaps an older one, while a new ingest runs or after it failed). */
    public boolean isServable() {
        return storageVersion != null;
    }

    public String key() {
        return key;
    }

    public long customer() {
        return customer;
    }

    public int space() {
        return space;
    }

    public String imageId() {
        return imageId;
    }

    public String origin() {
        return origin;
    }

    public String string1() {
        return string1;
    }

    public String string2() {
        return string2;
    }

    public String string3() {
        return string3;
    }

    public long number1() {
        return number1;
    }

    public long number2() {
        return number2;
    }

    public long number3() {
        return number3;
    }

    public List<String> tags() {
        return TagList.split(tags);
    }

    public List<String> roles() {
        return TagList.split(roles);
    }

    public int maxUnauthorised() {
        return maxUnauthorised;
    }

    public String mediaType() {
        return mediaType;
    }

    public String thumbnailPolicy() {
        return thumbnailPolicy;
    }

    public Instant created() {
        return created;
    }

    public Instant queued() {
        return queued;
    }

    public Instant dequeued() {
        return dequeued;
    }

    public Instant finished() {
        return finished;
    }

    public boolean ingesting() {
        return ingesting;
    }

    public String error() {
        return error;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public Long batch() {
        return batch;
    }

    public String storageVersion() {
        return storageVersion;
    }

    /** What the serving derivative takes, if recorded: only then does the image count in its customer's usage. */
    public Optional<DerivativeBytes> storedBytes() {
        return derivativeBytes == null ? Optional.empty()
                : Optional.of(new DerivativeBytes(derivativeBytes, Objects.requireNonNullElse(thumbnailBytes, 0L)));
    }

    public Instant lastModified() {
        return finished != null ? finished : created;
    }
}
