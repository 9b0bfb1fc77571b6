package dlcs.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database to the schema this release expects before anything else uses it: the
 * other startup beans name this one in {@code @DependsOn}, and the container delivers no request
 * or message before the startup beans are up.
 *
 * <p>The migrations are {@code db/migration/V*.sql} in the WAR, in SQL that H2 and PostgreSQL
 * both read; Flyway records what it applied in {@code flyway_schema_history}, and takes a lock
 * there (on PostgreSQL an advisory lock), so that nodes starting together migrate once. A
 * database made by release 0.1, whose schema EclipseLink generated and no history records, is
 * taken as being at version 1 (the schema that release made) and migrated on from there.
 *
 * <p>A server told to use PostgreSQL ({@code dlcs.db.url}) but started with the H2
 * configuration stops here, rather than keep its data where nobody expects it.
 */
@Singleton
@Startup
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** The persistence unit's datasource (META-INF/persistence.xml). */
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @Inject
    @ConfigProperty(name = "dlcs.db.url")
    Optional<String> postgresUrl;

    /** Flyway commits each migration itself, so it runs outside any container transaction. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        if (postgresUrl.isPresent() && "H2".equals(productName())) {
            throw new IllegalStateException("dlcs.db.url (DLCS_DB_URL) is set, but the server runs the H2 configuration:"
                    + " start it with -c standalone-full-postgres.xml to use PostgreSQL, or unset dlcs.db.url to use H2.");
        }
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(database)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema made by release 0.1 (EclipseLink)")
                .load()
                .migrate();
        // with nothing to apply, Flyway reports no target: the version is the one it found
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now, on " + result.databaseType + ")");
    }

    private String productName() {
        try (Connection connection = database.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer", e);
        }
    }
}
