package dlcs.ingest.control;

import dlcs.nodes.control.NodeIdentity;
import dlcs.storage.control.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether the broker's journal began with this start, when the database already had members
 * waiting: a server restored from a backup (which leaves the journal out), or one whose
 * {@code broker/} was deleted. The embedded broker keeps its journal in {@code broker/} of the
 * data directory (server-config/dlcs.cli), and the application leaves a mark there; a start that
 * finds no mark has a journal holding no message sent before it, so every member then waiting
 * that is not in the queues lost its message, and {@link StuckMembers} sends it again at once
 * instead of after {@code dlcs.queue.stuck-after-seconds}. A node of several ({@code dlcs.node-id}
 * set) uses a broker of its own (README "More than one machine") and keeps the usual wait. The
 * first start of a release that leaves the mark finds none either: it sends again, once, members
 * waiting out a redelivery delay too, which is harmless (a member processed twice records once).
 */
@ApplicationScoped
public class BrokerJournal {

    private static final Logger LOG = Logger.getLogger(BrokerJournal.class.getName());
    private static final String MARK = "broker/dlcs-journal-mark";

    @Inject
    DataDirectory data;

    @Inject
    NodeIdentity node;

    private volatile Instant lostBefore;

    /** Looks for the mark, and leaves it for the next start; called once as the application starts. */
    public void check() {
        if (node.configured()) {
            return;
        }
        Path mark = data.root().resolve(MARK);
        if (Files.exists(mark)) {
            return;
        }
        lostBefore = Instant.now();
        try {
            Files.createDirectories(mark.getParent());
            Files.writeString(mark, "This broker journal began at " + lostBefore + ". Without this file, the next"
                    + " start sends again at once every batch member waiting without a message.\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warning("Cannot leave the mark " + mark + " (" + e.getMessage() + "): the next start will take"
                    + " its broker journal for a new one too, and send waiting members again.");
        }
        LOG.info("The broker's journal is new: batch members waiting since before " + lostBefore + " without a"
                + " message are sent again.");
    }

    /** When the journal began, if it began with this start: no member sent before then has a message. */
    public Optional<Instant> lostBefore() {
        return Optional.ofNullable(lostBefore);
    }
}
