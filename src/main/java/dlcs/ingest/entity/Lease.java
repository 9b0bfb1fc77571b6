package dlcs.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who may run a periodic job until when: with several nodes on one database, the node that
 * holds a job's lease runs it and the others skip their turn. Taken and renewed only by
 * conditional SQL updates in {@link dlcs.ingest.control.Leases}.
 */
@Entity
@Table(name = "LEASE")
public class Lease {

    @Id
    @Column(name = "NAME", length = 64)
    private String name;

    @Column(name = "HOLDER", nullable = false, length = 64)
    private String holder;

    @Column(name = "UNTIL_TIME", nullable = false)
    private Instant until;

    protected Lease() {
    }

    public Lease(String name, String holder, Instant until) {
        this.name = name;
        this.holder = holder;
        this.until = until;
    }
}
