package dlcs.nodes.control;

import dlcs.storage.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which node this is. {@code dlcs.node-id} (environment {@code DLCS_NODE_ID}) names it; server-config/dlcs.cli
 * gives the same value to the transaction manager as its node identifier, which recovery uses to
 * tell its own prepared transactions from another node's in the shared database and broker. One
 * node alone may keep the default, {@value #DEFAULT}; each node of several needs its own. A token
 * kept in the data directory tells this node's own earlier runs (whose leases it may take back at
 * once) from another node started by mistake with the same identifier.
 */
@ApplicationScoped
public class NodeIdentity {

    public static final String DEFAULT = "1";
    /** What the transaction manager accepts as a node identifier: at most 23 bytes. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,23}");
    private static final String TOKEN_FILE = "node-token";

    @Inject
    @ConfigProperty(name = "dlcs.node-id")
    Optional<String> configured;

    @Inject
    DataDirectory data;

    private String id;
    private String holder;

    @PostConstruct
    void resolve() {
        id = configured.map(String::trim).filter(value -> !value.isEmpty()).orElse(DEFAULT);
        if (!VALID.matcher(id).matches()) {
            throw new IllegalStateException("dlcs.node-id (DLCS_NODE_ID) must be 1 to 23 letters, digits, '.', '_' or"
                    + " '-', unique to each node; it is '" + id + "'.");
        }
        holder = id + "/" + token();
    }

    /** This node's identifier, as its transaction manager knows it. */
    public String id() {
        return id;
    }

    /** Whether a node identifier was configured: the sign that this is one of several nodes. */
    public boolean configured() {
        return configured.map(String::trim).filter(value -> !value.isEmpty()).isPresent();
    }

    /** This node and its data directory, as it signs the leases it holds. */
    public String holder() {
        return holder;
    }

    private String token() {
        try {
            if (!Files.exists(data.root().resolve(TOKEN_FILE))) {
                byte[] fresh = new byte[6];
                new SecureRandom().nextBytes(fresh);
                try {
                    data.writePrivately(TOKEN_FILE, HexFormat.of().formatHex(fresh) + "\n");
                } catch (FileAlreadyExistsException concurrentFirstUse) {
                    // written a moment ago: read it below
                }
            }
            return Files.readString(data.root().resolve(TOKEN_FILE)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + TOKEN_FILE + " in the data directory", e);
        }
    }
}
