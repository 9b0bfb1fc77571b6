package dlcs.security.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The failed sign-ins of one key, or of one client address, as every node has counted them. The
 * count moves only by SQL increments in {@link dlcs.security.control.SignInFailures}, so that
 * failures on two nodes at one moment both count; the row is never cached, and has no version.
 */
@Entity
@Table(name = "SIGN_IN_FAILURE")
@Cacheable(false)
public class SignInFailure {

    /** Longest name: a prefix and a key or address of at most 64 characters (longer ones are kept as a digest). */
    public static final int NAME_LENGTH = 100;

    @Id
    @Column(name = "NAME", length = NAME_LENGTH)
    private String name;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    @Column(name = "LAST_FAILURE", nullable = false)
    private Instant lastFailure;

    protected SignInFailure() {
    }

    /** The first failure of {@code name}, at {@code at}. */
    public SignInFailure(String name, Instant at) {
        this.name = name;
        this.failures = 1;
        this.lastFailure = at;
    }

    public String name() {
        return name;
    }

    public int failures() {
        return failures;
    }

    public Instant lastFailure() {
        return lastFailure;
    }
}
