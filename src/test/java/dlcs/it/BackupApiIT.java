package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /backups} in the test server, on H2 and on PostgreSQL: only an administrator may
 * ask; on H2 the backup is complete where the answer says, on PostgreSQL the answer is a 409
 * that points to pg_dump. BackupRestoreIT restores one.
 */
class BackupApiIT extends ServerTest {

    private static boolean onPostgres() {
        return System.getProperty("dlcs.it.server-config", "").contains("postgres");
    }

    @Test
    void onlyAnAdministratorTakesABackup() throws IOException {
        Tenant tenant = Api.admin(base).newTenant();
        assertEquals(401, Api.anonymous(base).post("/backups", "").getStatus());
        Response refused = tenant.api(base).post("/backups", "");
        assertEquals(403, refused.getStatus());
        assertTrue(json(refused).getString("detail").contains("administrator"));

        Response taken = Api.admin(base).post("/backups", "");
        JsonObject answer = json(taken);
        if (onPostgres()) {
            assertEquals(409, taken.getStatus(), answer.toString());
            assertTrue(answer.getString("detail").contains("pg_dump"), answer.toString());
            return;
        }
        assertEquals(200, taken.getStatus(), answer.toString());
        assertEquals("Backup", answer.getString("@type"));
        Path directory = Path.of(answer.getString("directory"));
        try {
            assertTrue(Files.exists(directory.resolve("backup.json")), "complete");
            assertTrue(Files.size(directory.resolve("database/dlcs.mv.db")) > 0, "the database copied");
            assertTrue(answer.getJsonObject("storage").getBoolean("hardLinked"));
        } finally {
            delete(directory);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
