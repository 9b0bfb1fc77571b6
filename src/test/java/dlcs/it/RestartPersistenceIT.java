package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server started as a process on a fresh data directory: the first administrator key is
 * generated into a private file, and everything written survives a graceful stop and a SIGKILL.
 */
class RestartPersistenceIT {

    @TempDir
    Path work;

    @Test
    void dataAndTheGeneratedAdministratorKeySurviveRestarts() throws Exception {
        Path data = work.resolve("data");
        try (ServerProcess server = new ServerProcess(work, data, 100, List.of())) {
            server.start();
            Path keyFile = data.resolve("admin-key.txt");
            assertTrue(Files.exists(keyFile), "the first administrator key is written to the data directory");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            assertTrue(Files.readString(server.log()).contains(keyFile.toString()), "its path is logged");
            String[] credentials = Files.readString(keyFile).trim().split(":", 2);
            Api admin = Api.as(server.base(), credentials[0], credentials[1]);

            Tenant tenant = admin.newTenant();
            Api api = tenant.api(server.base());
            assertEquals(201, api.request(tenant.imagePath("kept"))
                    .put(Entity.entity(Fixtures.png(320, 200), "image/png")).getStatus());
            assertEquals(200, api.patch(tenant.imagePath("kept"), "{\"string1\":\"before restart\"}").getStatus());

            server.stop();
            server.start();
            assertEquals(Files.readString(keyFile).trim(), credentials[0] + ":" + credentials[1], "not regenerated");
            assertSurvived(server, admin, tenant);

            assertEquals(201, api.post("/customers/" + tenant.customer() + "/spaces", "{\"name\":\"after\"}").getStatus());
            server.kill();
            server.start();
            assertSurvived(server, admin, tenant);
            assertEquals(2, json(api.get("/customers/" + tenant.customer() + "/spaces")).getInt("totalItems"),
                    "a write committed just before SIGKILL is there");
        }
    }

    private static void assertSurvived(ServerProcess server, Api admin, Tenant tenant) {
        assertEquals(200, admin.get("/customers/" + tenant.customer()).getStatus());
        Api api = tenant.api(server.base());
        JsonObject image = json(api.get(tenant.imagePath("kept")));
        assertEquals("before restart", image.getString("string1"));
        assertEquals(320, image.getInt("width"));
        assertEquals(320, json(api.get(tenant.servicePath("kept") + "/info.json")).getInt("width"));
        assertEquals(200, api.get(tenant.servicePath("kept") + "/full/max/0/default.jpg").getStatus());
    }
}
