package dlcs.ingest.boundary;

import dlcs.ingest.control.BrokerJournal;
import dlcs.ingest.control.Leases;
import dlcs.ingest.control.StuckMembers;
import dlcs.registration.control.OrphanVersions;
import dlcs.registration.control.UnmeasuredImages;
import dlcs.security.control.Authenticator;
import dlcs.storage.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The periodic sweeps. On one node at a time (whichever holds the lease): members stuck without
 * their message are sent again every {@code dlcs.housekeeping.interval-seconds}, and derivatives
 * made before their sizes were recorded are measured, a few at a time, until none is left. Once
 * per {@code dlcs.storage.orphan-sweep-seconds} across the nodes (whichever takes the turn),
 * derivative versions that no image serves are deleted once they have been left alone for {@code
 * dlcs.storage.orphan-age-seconds}. Counts of failed sign-ins that are forgotten are deleted every
 * round, and the oldest beyond a bound ({@link Authenticator#sweepFailures}). On every node, its
 * own: the node identifier is held ({@link NodeClaim}), and its stale scratch files are deleted on the same schedule as the orphans (each
 * node's scratch space is in its own data directory, which no other node sweeps). Its timer is
 * not persistent: every start schedules it anew, and nothing of it lives outside the data directory.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    private static final String JOB = "housekeeping";
    private static final String ORPHAN_SWEEP = "orphan-sweep";
    /** Images of an earlier release measured per run: a bounded share of disk reads, until all are done. */
    private static final int MEASURED_PER_RUN = 200;

    @Resource
    TimerService timers;

    @Inject
    Leases leases;

    @Inject
    NodeClaim claim;

    @Inject
    StuckMembers stuck;

    @Inject
    BrokerJournal journal;

    @Inject
    OrphanVersions orphans;

    @Inject
    UnmeasuredImages unmeasured;

    @Inject
    DataDirectory data;

    @Inject
    Authenticator authenticator;

    @Inject
    @ConfigProperty(name = "dlcs.housekeeping.interval-seconds", defaultValue = "60")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.storage.orphan-sweep-seconds", defaultValue = "3600")
    long orphanSweepSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.storage.orphan-age-seconds", defaultValue = "21600")
    long orphanAgeSeconds;

    private Instant nextScratchSweep = Instant.MIN;

    @PostConstruct
    void schedule() {
        journal.check();
        long interval = Math.max(1, intervalSeconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig(JOB, false));
    }

    @Timeout
    void run() {
        try {
            claim.renew();
            sweepScratch();
            if (!leases.acquire(JOB, Duration.ofSeconds(Math.max(1, intervalSeconds) * 3))) {
                return;
            }
            stuck.resendAll();
            authenticator.sweepFailures();
            unmeasured.measureSome(MEASURED_PER_RUN);
            if (leases.takeTurn(ORPHAN_SWEEP, Duration.ofSeconds(Math.max(1, orphanSweepSeconds)))) {
                orphans.sweep(Instant.now().minusSeconds(orphanAgeSeconds));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Housekeeping failed this time; it runs again in " + intervalSeconds + " s", e);
        }
    }

    /** This node's own scratch files, which no other node's sweep reaches. */
    private void sweepScratch() {
        Instant now = Instant.now();
        if (now.isBefore(nextScratchSweep)) {
            return;
        }
        nextScratchSweep = now.plusSeconds(orphanSweepSeconds);
        int stale = data.sweepTemporary(now.minusSeconds(orphanAgeSeconds));
        if (stale > 0) {
            LOG.info("Deleted " + stale + " stale scratch files.");
        }
    }
}
