package dlcs.security.entity;

import dlcs.persistence.DatabaseClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API key of a customer. Only a salted hash of its secret is kept. */
@Entity
@Table(name = "API_KEY")
public class ApiKey {

    @Id
    @Column(name = "API_KEY", length = 64)
    private String key;

    @Column(name = "CUSTOMER", nullable = false)
    private long customer;

    @Column(nullable = false, length = 200)
    private String secretHash;

    @Column(nullable = false)
    private Instant created;

    protected ApiKey() {
    }

    public ApiKey(String key, long customer, String secretHash) {
        this.key = key;
        this.customer = customer;
        this.secretHash = secretHash;
        this.created = DatabaseClock.now();
    }

    public void replaceSecret(String newSecretHash) {
        this.secretHash = newSecretHash;
    }

    public String key() {
        return key;
    }

    public long customer() {
        return customer;
    }

    public String secretHash() {
        return secretHash;
    }

    public Instant created() {
        return created;
    }
}
