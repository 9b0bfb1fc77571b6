package dlcs.registration.entity;

import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A partition of a customer's images that carries defaults (tags, roles, access) for the
 * images registered in it. Its number is unique within its customer.
 */
@Entity
@Table(name = "SPACE", uniqueConstraints = @UniqueConstraint(columnNames = {"CUSTOMER", "NAME"}))
public class Space {

    /** Column length of the name, in characters; the rules in registration.control allow no more. */
    public static final int NAME_LENGTH = 200;

    /** The highest space number: paths and batches take a space number of at most nine digits. */
    public static final int MAX_NUMBER = 999_999_999;

    /** "customer/space": one column keeps lookups and joins trivial. */
    @Id
    @Column(name = "SPACE_KEY", length = 40)
    private String key;

    @Column(name = "CUSTOMER", nullable = false)
    private long customer;

    @Column(name = "NUMBER", nullable = false)
    private int number;

    @Column(name = "NAME", nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(nullable = false)
    private Instant created;

    @Column(length = TagList.STORED_LENGTH)
    private String defaultTags;

    @Column(length = TagList.STORED_LENGTH)
    private String defaultRoles;

    private int maxUnauthorised = -1;

    @Version
    private long version;

    protected Space() {
    }

    public Space(long customer, int number, String name) {
        this.key = keyOf(customer, number);
        this.customer = customer;
        this.number = number;
        this.name = name;
        this.created = DatabaseClock.now();
    }

    public static String keyOf(long customer, int number) {
        return customer + "/" + number;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void setDefaults(List<String> tags, List<String> roles, int newMaxUnauthorised) {
        this.defaultTags = TagList.join(tags);
        this.defaultRoles = TagList.join(roles);
        this.maxUnauthorised = newMaxUnauthorised;
    }

    public long customer() {
        return customer;
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }

    public List<String> defaultTags() {
        return TagList.split(defaultTags);
    }

    public List<String> defaultRoles() {
        return TagList.split(defaultRoles);
    }

    public int maxUnauthorised() {
        return maxUnauthorised;
    }
}
