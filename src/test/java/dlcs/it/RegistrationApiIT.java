package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Customers, keys, spaces and authentication over HTTP in the real server. */
class RegistrationApiIT extends ServerTest {

    @Test
    void entryPointIsOpenAndLinksTheCollections() {
        Response response = Api.anonymous(base).get("/");
        assertEquals(200, response.getStatus());
        JsonObject entry = json(response);
        assertEquals("EntryPoint", entry.getString("@type"));
        assertTrue(entry.getString("customers").endsWith("/customers"));
        assertTrue(entry.getString("@id").startsWith("http"), "absolute @id");
    }

    @Test
    void everyOtherPathNeedsAKey() {
        Response response = Api.anonymous(base).get("/customers");
        assertEquals(401, response.getStatus());
        assertTrue(response.getHeaderString("WWW-Authenticate").startsWith("Basic"));
        JsonObject error = json(response);
        assertEquals("Error", error.getString("@type"));
        assertEquals(401, error.getInt("status"));

        assertEquals(401, Api.as(base, Api.ADMIN_KEY, "wrong").get("/customers").getStatus());
        assertEquals(401, Api.as(base, "no-such-key", "x").get("/customers").getStatus());
    }

    @Test
    void anAdministratorCreatesACustomerWhoseKeyThenWorks() {
        Api admin = Api.admin(base);
        Response created = admin.post("/customers", "{\"name\":\"lib-" + System.nanoTime() + "\",\"displayName\":\"A Library\"}");
        assertEquals(201, created.getStatus());
        JsonObject customer = json(created);
        long id = customer.getJsonNumber("id").longValue();
        assertTrue(id > 1, "customer 1 is the administrator");
        assertEquals("A Library", customer.getString("displayName"));
        assertEquals(base + "customers/" + id, customer.getString("@id"));

        JsonObject key = json(admin.request("/customers/" + id + "/keys").post(Entity.json("")));
        Api own = Api.as(base, key.getString("key"), key.getString("secret"));
        assertEquals(200, own.get("/customers/" + id).getStatus());
        assertEquals(200, own.get("/customers/" + customer.getString("name")).getStatus(), "by name too");

        JsonObject keys = json(own.get("/customers/" + id + "/keys"));
        assertEquals(1, keys.getInt("totalItems"));
        assertFalse(keys.toString().contains(key.getString("secret")), "the secret is shown only once");
    }

    @Test
    void duplicateCustomerNamesAndBadNamesAreRefused() {
        Api admin = Api.admin(base);
        String name = "dup-" + System.nanoTime();
        assertEquals(201, admin.post("/customers", "{\"name\":\"" + name + "\"}").getStatus());
        Response again = admin.post("/customers", "{\"name\":\"" + name + "\"}");
        assertEquals(409, again.getStatus());
        assertTrue(json(again).getString("detail").contains(name));
        assertEquals(400, admin.post("/customers", "{\"name\":\"Has Spaces\"}").getStatus());
        assertEquals(400, admin.post("/customers", "{}").getStatus());
    }

    @Test
    void customersCreatedAtTheSameMomentAllGetTheirOwnNumber() throws Exception {
        int many = 8;
        String prefix = "together-" + System.nanoTime() + "-";
        ExecutorService pool = Executors.newFixedThreadPool(many);
        try {
            List<Future<Response>> created = new ArrayList<>();
            for (int i = 0; i < many; i++) {
                String name = prefix + i;
                created.add(pool.submit(() -> Api.admin(base).post("/customers", "{\"name\":\"" + name + "\"}")));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Response> response : created) {
                Response answer = response.get(60, TimeUnit.SECONDS);
                assertEquals(201, answer.getStatus(), "no false 409 for different names");
                ids.add(json(answer).getJsonNumber("id").longValue());
            }
            assertEquals(many, ids.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCustomerKeyGets403ForAnotherCustomerAndLearnsNothing() {
        Api admin = Api.admin(base);
        Tenant mine = admin.newTenant();
        Tenant theirs = admin.newTenant();
        Api me = mine.api(base);

        for (String path : new String[]{"/customers/" + theirs.customer(), "/customers/" + theirs.name(),
                theirs.spacePath(), theirs.spacePath() + "/images", "/customers/" + theirs.customer() + "/keys",
                "/customers/99999999", "/customers/99999999/spaces/1"}) {
            Response response = me.get(path);
            assertEquals(403, response.getStatus(), path);
            JsonObject error = json(response);
            assertFalse(error.getString("detail").contains(theirs.name()), "nothing about the other customer");
            assertFalse(error.toString().contains("space of"), "no data of the other customer in " + error);
            assertFalse(error.getString("detail").contains(Long.toString(theirs.customer())), error.toString());
        }
        assertEquals(403, me.post("/customers", "{\"name\":\"x-" + System.nanoTime() + "\"}").getStatus());
        assertEquals(403, me.post(theirs.spacePath() + "/images", "{\"origin\":\"http://x/y.jpg\"}").getStatus());
        JsonObject list = json(me.get("/customers"));
        assertEquals(1, list.getInt("totalItems"), "a customer sees only itself");
    }

    @Test
    void spacesAreCreatedReadRenamedAndDeleted() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String spaces = "/customers/" + tenant.customer() + "/spaces";

        Response created = api.post(spaces, "{\"name\":\"second\",\"defaultTags\":[\"t1\"],\"maxUnauthorised\":400}");
        assertEquals(201, created.getStatus());
        JsonObject space = json(created);
        assertEquals(2, space.getInt("id"));
        assertEquals("t1", space.getJsonArray("defaultTags").getString(0));
        assertEquals(400, space.getInt("maxUnauthorised"));
        assertEquals(0, space.getInt("approximateNumberOfImages"));
        assertNotNull(created.getLocation());

        assertEquals(409, api.post(spaces, "{\"name\":\"second\"}").getStatus(), "names are unique per customer");

        JsonObject renamed = json(api.patch(spaces + "/2", "{\"name\":\"renamed\"}"));
        assertEquals("renamed", renamed.getString("name"));
        assertEquals(400, renamed.getInt("maxUnauthorised"), "PATCH keeps what it does not name");

        JsonObject replaced = json(api.put(spaces + "/2", "{\"name\":\"replaced\"}"));
        assertEquals(-1, replaced.getInt("maxUnauthorised"), "PUT replaces the whole space");

        JsonObject list = json(api.get(spaces + "?pageSize=1"));
        assertEquals(2, list.getInt("totalItems"));
        assertEquals(1, list.getJsonArray("member").size());
        assertEquals(2, list.getJsonObject("view").getInt("totalPages"));
        assertTrue(list.getJsonObject("view").getString("next").contains("page=2"));

        assertEquals(204, api.delete(spaces + "/2").getStatus());
        assertEquals(404, api.get(spaces + "/2").getStatus());
        assertEquals(404, api.get(spaces + "/notanumber").getStatus());
    }

    @Test
    void aDeletedKeyStopsWorking() {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        JsonObject extra = json(admin.request("/customers/" + tenant.customer() + "/keys").post(Entity.json("")));
        Api api = Api.as(base, extra.getString("key"), extra.getString("secret"));
        assertEquals(200, api.get("/customers/" + tenant.customer()).getStatus());
        assertEquals(204, tenant.api(base).delete("/customers/" + tenant.customer() + "/keys/" + extra.getString("key"))
                .getStatus());
        assertEquals(401, api.get("/customers/" + tenant.customer()).getStatus());
    }

    @Test
    void policiesAreListed() {
        JsonObject thumbnails = json(Api.admin(base).get("/thumbnailPolicies"));
        assertEquals("!1024,1024", thumbnails.getJsonArray("member").getJsonObject(0).getJsonArray("sizes").getString(0));
        JsonObject strategies = json(Api.admin(base).get("/originStrategies"));
        assertEquals(6, strategies.getInt("totalItems"));
    }
}
