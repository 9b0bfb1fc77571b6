package dlcs.origin.entity;

import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * A customer's rule for fetching some of its origins: the origins in which {@code regex} is
 * found are fetched with {@code strategy}, using {@code credentials} (kept encrypted). Rules are
 * tried by {@code order}, the first that matches wins.
 */
@Entity
@Table(name = "ORIGIN_STRATEGY", uniqueConstraints = @UniqueConstraint(columnNames = {"CUSTOMER", "REGEX"}))
public class CustomerOriginStrategy extends CustomerRecord {

    /** Column lengths, in characters; the rules in origin.control allow no more. */
    public static final int REGEX_LENGTH = 1000;
    public static final int CREDENTIALS_LENGTH = 16000;

    @Column(name = "REGEX", nullable = false, length = REGEX_LENGTH)
    private String regex;

    @Enumerated(EnumType.STRING)
    @Column(name = "STRATEGY", nullable = false, length = 40)
    private Strategy strategy;

    /** The credentials as encrypted text; null when the strategy takes none. */
    @Column(name = "CREDENTIALS", length = CREDENTIALS_LENGTH)
    private String credentials;

    @Column(name = "RULE_ORDER", nullable = false)
    private int order;

    @Version
    private long version;

    protected CustomerOriginStrategy() {
    }

    public CustomerOriginStrategy(long customer, String regex, Strategy strategy, String credentials, int order) {
        super(customer);
        change(regex, strategy, credentials, order);
    }

    public final void change(String regex, Strategy strategy, String credentials, int order) {
        this.regex = regex;
        this.strategy = strategy;
        this.credentials = credentials;
        this.order = order;
    }

    public String regex() {
        return regex;
    }

    public Strategy strategy() {
        return strategy;
    }

    public String credentials() {
        return credentials;
    }

    public int order() {
        return order;
    }
}
