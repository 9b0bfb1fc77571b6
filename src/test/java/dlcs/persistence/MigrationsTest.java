package dlcs.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations on H2, where DDL commits statement by statement: a server killed in the middle
 * of a migration leaves some of its statements done and the migration unrecorded, so the next
 * start runs it again from its first statement. Every migration after V1 must survive that.
 */
class MigrationsTest {

    @Test
    void aMigrationInterruptedHalfWayRunsAgainOnTheNextStart() throws SQLException {
        String url = "jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "sa").locations("classpath:db/migration").load();
        int applied = flyway.migrate().migrationsExecuted;
        try (Connection connection = DriverManager.getConnection(url, "sa", "sa");
                Statement statement = connection.createStatement()) {
            // as if the server had died after every statement of the later migrations but before
            // Flyway recorded them
            statement.executeUpdate("delete from \"flyway_schema_history\" where \"version\" <> '1'");
        }
        assertEquals(applied - 1, flyway.migrate().migrationsExecuted, "the later migrations run again, without error");
    }
}
