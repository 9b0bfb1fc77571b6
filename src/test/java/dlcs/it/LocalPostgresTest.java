package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test database keeps its data across a restart, can prepare transactions (XA), and owns its port. */
class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void keepsItsDataAcrossARestartPreparesTransactionsAndOwnsItsPort() throws Exception {
        Path data = dir.resolve("pg");
        int port = 18810;
        try (LocalPostgres postgres = LocalPostgres.start(data, port);
             Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('before the restart')");
            try (ResultSet r = s.executeQuery("show max_prepared_transactions")) {
                assertTrue(r.next());
                assertTrue(Integer.parseInt(r.getString(1)) > 0);
            }
            assertThrows(IllegalStateException.class, () -> LocalPostgres.start(dir.resolve("other"), port),
                    "a second server on a taken port is refused, not silently the first one");
        }
        try (LocalPostgres postgres = LocalPostgres.start(data, port);
             Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select v from kept")) {
            assertTrue(r.next());
            assertEquals("before the restart", r.getString(1));
            assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/dlcs", postgres.jdbcUrl());
        }
    }
}
