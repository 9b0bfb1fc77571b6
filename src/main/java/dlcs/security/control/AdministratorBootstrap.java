package dlcs.security.control;

import dlcs.storage.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On start: the administrator customer exists, and so does an administrator key, either the one
 * configured ({@code dlcs.admin.key}/{@code dlcs.admin.secret}) or, when none is configured and
 * none exists yet, a generated one written to {@code admin-key.txt} in the data directory,
 * readable only by the server's user. Nodes starting at the same moment on one database make
 * the customer and the key once: the customer by an insert only one of them wins, the key while
 * holding the customer's row, so that the others find it made (and the generated key's file is
 * in the data directory of the node that made it).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdministratorBootstrap {

    public static final long ADMIN_CUSTOMER = 1;
    private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

    @Inject
    CustomerDirectory customers;

    @Inject
    KeyStore keys;

    @Inject
    DataDirectory data;

    @Inject
    @ConfigProperty(name = "dlcs.admin.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "dlcs.admin.secret")
    Optional<String> configuredSecret;

    @PostConstruct
    void bootstrap() {
        customers.ensureAdministrator(ADMIN_CUSTOMER, "admin");
        Optional<String> key = configuredKey.filter(k -> !k.isBlank());
        Optional<String> secret = configuredSecret.filter(s -> !s.isBlank());
        if (key.isPresent() != secret.isPresent()) {
            throw new IllegalStateException("Set both dlcs.admin.key and dlcs.admin.secret (DLCS_ADMIN_KEY and"
                    + " DLCS_ADMIN_SECRET), or neither.");
        }
        if (key.isPresent()) {
            keys.ensure(key.get(), secret.get(), ADMIN_CUSTOMER);
            LOG.info("Administrator key " + key.get() + " taken from the configuration.");
        } else {
            keys.createFirst(ADMIN_CUSTOMER).ifPresentOrElse(this::writeKeyFile, this::mentionKeyFile);
        }
    }

    /** A key generated at this start: its secret is shown once, in a file only the server's user reads. */
    private void writeKeyFile(NewKey generated) {
        Path file;
        try {
            Files.deleteIfExists(data.root().resolve("admin-key.txt"));
            file = data.writePrivately("admin-key.txt", generated.key() + ":" + generated.secret() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the administrator key to the data directory", e);
        }
        LOG.info("Generated the first administrator key; it is in " + file
                + " (use it as curl -u \"$(cat " + file + ")\").");
    }

    private void mentionKeyFile() {
        Path file = data.root().resolve("admin-key.txt");
        if (Files.exists(file)) {
            LOG.info("Administrator key file: " + file);
        }
    }
}
