package dlcs.registration.entity;

import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An institution using the service: it owns spaces, keys and, through them, images.
 * The customer with {@code administrator} set manages all the others.
 */
@Entity
@Table(name = "CUSTOMER")
public class Customer {

    /** Column lengths, in characters; the rules in registration.control allow no more. */
    public static final int NAME_LENGTH = 100;
    public static final int DISPLAY_NAME_LENGTH = 500;

    @Id
    private long id;

    @Column(nullable = false, unique = true, length = NAME_LENGTH)
    private String name;

    @Column(length = DISPLAY_NAME_LENGTH)
    private String displayName;

    private boolean administrator;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected Customer() {
    }

    public Customer(long id, String name, String displayName, boolean administrator) {
        this.id = id;
        this.name = name;
        this.displayName = displayName;
        this.administrator = administrator;
        this.created = DatabaseClock.now();
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void describeAs(String newDisplayName) {
        this.displayName = newDisplayName;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public boolean administrator() {
        return administrator;
    }

    public Instant created() {
        return created;
    }
}
