package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The named-query API: create, read, list, change, delete; tenants kept apart; global queries for administrators. */
class NamedQueriesIT extends ServerTest {

    @Test
    void aQueryIsCreatedReadChangedAndDeleted() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String collection = "/customers/" + tenant.customer() + "/namedQueries";

        Response created = api.post(collection, "{\"name\":\"manifest\",\"template\":\"canvas=n1&space=p1&s1=p2\"}");
        assertEquals(201, created.getStatus());
        JsonObject query = json(created);
        assertEquals(created.getLocation().toString(), query.getString("@id"));
        assertEquals("NamedQuery", query.getString("@type"));
        assertEquals("manifest", query.getString("name"));
        assertEquals("canvas=n1&space=p1&s1=p2", query.getString("template"));
        assertFalse(query.getBoolean("global"));
        assertEquals(tenant.customer(), query.getJsonNumber("customer").longValue());
        assertEquals(36, query.getString("id").length(), "the server mints the id");
        String path = collection + "/" + query.getString("id");
        assertTrue(query.getString("@id").endsWith(path));

        assertEquals(query, json(api.get(path)));
        JsonObject list = json(api.get(collection));
        assertEquals("Collection", list.getString("@type"));
        assertTrue(names(list).contains("manifest"));
        assertTrue(list.getJsonArray("member").stream().map(JsonValue::asJsonObject)
                .anyMatch(q -> q.getString("name").equals("book") && q.getBoolean("global")
                        && q.getString("template").equals("space=p1&s1=p2&canvas=n1")),
                "the built-in global query is in every customer's collection");

        Response changed = api.put(path, "{\"template\":\"canvas=n2&space=p1&s1=p2\"}");
        assertEquals(200, changed.getStatus());
        assertEquals("canvas=n2&space=p1&s1=p2", json(changed).getString("template"));
        JsonObject echoed = json(api.put(path, json(api.get(path)).toString().replace("canvas=n2", "canvas=n3")));
        assertEquals("canvas=n3&space=p1&s1=p2", echoed.getString("template"), "what GET gave may be PUT back");

        expectError(api.put(path, "{\"name\":\"other\",\"template\":\"s1=p1\"}"), 400, "name cannot change");
        expectError(api.put(path, "{\"template\":\"s1=p1&canvas=n9\"}"), 400, "Pair 2 of the template");
        expectError(api.put(path, "{\"template\":\"s1=p1\",\"global\":true}"), 400, "set when it is created");
        assertEquals("canvas=n3&space=p1&s1=p2", json(api.get(path)).getString("template"), "refused changes change nothing");

        assertEquals(204, api.delete(path).getStatus());
        assertEquals(404, api.get(path).getStatus());
        assertEquals(404, api.delete(path).getStatus());
        assertFalse(names(json(api.get(collection))).contains("manifest"));
    }

    @Test
    void malformedInputIsA400ThatSaysWhereAndStoresNothing() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String collection = "/customers/" + tenant.customer() + "/namedQueries";
        expectError(api.post(collection, "{\"name\":\"q\",\"template\":\"space=p1&s1\"}"), 400,
                "Pair 2 of the template ('s1') has no '='");
        expectError(api.post(collection, "{\"name\":\"q\",\"template\":\"space=p1&canvas=n1 up\"}"), 400,
                "'up' is not a direction");
        expectError(api.post(collection, "{\"name\":\"q\",\"template\":\"n1=one\"}"), 400, "n1 must be a non-negative");
        expectError(api.post(collection, "{\"name\":\"q\",\"template\":\"manifest=s1\"}"), 400, "'manifest' is not a key");
        expectError(api.post(collection, "{\"name\":\"q\"}"), 400, "needs a \"template\"");
        expectError(api.post(collection, "{\"name\":\"q\",\"template\":\"" + "&".repeat(2001) + "\"}"), 400, "at most 2000");
        expectError(api.post(collection, "{\"template\":\"s1=p1\"}"), 400, "needs a \"name\"");
        expectError(api.post(collection, "{\"name\":\"a/b\",\"template\":\"s1=p1\"}"), 400, "A-Z a-z 0-9 - . _ ~");
        expectError(api.post(collection, "{\"name\":\"..\",\"template\":\"s1=p1\"}"), 400, "not '.' or '..'");
        expectError(api.post(collection, "{\"name\":\"" + "x".repeat(101) + "\",\"template\":\"s1=p1\"}"), 400, "1 to 100");
        expectError(api.post(collection, "{\"name\":\"q\",\"template\":\"s1=p1\",\"global\":\"yes\"}"), 400,
                "global must be true or false");
        expectError(api.post(collection, "{\"name\":\"q\",\"template\":7}"), 400, "template must be a string");
        expectError(api.post(collection, "[1]"), 400, "JSON object");
        expectError(api.get(collection + "?pageSize=0"), 400, "pageSize");
        assertFalse(names(json(api.get(collection))).contains("q"));
    }

    @Test
    void namesAreUniquePerCustomer() {
        Api admin = Api.admin(base);
        Tenant one = admin.newTenant();
        Tenant two = admin.newTenant();
        String body = "{\"name\":\"book-a\",\"template\":\"s1=p1\"}";
        assertEquals(201, one.api(base).post("/customers/" + one.customer() + "/namedQueries", body).getStatus());
        expectError(one.api(base).post("/customers/" + one.customer() + "/namedQueries", body), 409,
                "already has a named query called 'book-a'");
        assertEquals(201, two.api(base).post("/customers/" + two.customer() + "/namedQueries", body).getStatus(),
                "another customer may use the same name");
    }

    @Test
    void anotherCustomersQueryIsUnknownAndItsPathForbidden() {
        Api admin = Api.admin(base);
        Tenant owner = admin.newTenant();
        Tenant other = admin.newTenant();
        String id = json(owner.api(base).post("/customers/" + owner.customer() + "/namedQueries",
                "{\"name\":\"private\",\"template\":\"s1=p1\"}")).getString("id");
        Api api = other.api(base);
        String underOther = "/customers/" + other.customer() + "/namedQueries/" + id;
        expectError(api.get(underOther), 404, "has no named query");
        expectError(api.put(underOther, "{\"template\":\"s1=p2\"}"), 404, "has no named query");
        expectError(api.delete(underOther), 404, "has no named query");
        assertFalse(names(json(api.get("/customers/" + other.customer() + "/namedQueries"))).contains("private"));
        String underOwner = "/customers/" + owner.customer() + "/namedQueries/" + id;
        assertEquals(403, api.get(underOwner).getStatus());
        assertEquals(403, api.put(underOwner, "{\"template\":\"s1=p2\"}").getStatus());
        assertEquals(403, api.delete(underOwner).getStatus());
        assertEquals("s1=p1", json(owner.api(base).get(underOwner)).getString("template"), "unchanged");
    }

    @Test
    void onlyAnAdministratorMakesChangesOrDeletesAGlobalQuery() {
        Api admin = Api.admin(base);
        Tenant owner = admin.newTenant();
        Tenant other = admin.newTenant();
        String name = "global-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\":\"" + name + "\",\"template\":\"s1=p1\",\"global\":true}";
        expectError(owner.api(base).post("/customers/" + owner.customer() + "/namedQueries", body), 403,
                "Only an administrator may create a global named query");

        Response created = admin.post("/customers/" + owner.customer() + "/namedQueries", body);
        assertEquals(201, created.getStatus());
        JsonObject global = json(created);
        assertTrue(global.getBoolean("global"));
        String id = global.getString("id");

        String underOther = "/customers/" + other.customer() + "/namedQueries/" + id;
        JsonObject seen = json(other.api(base).get(underOther));
        assertEquals(name, seen.getString("name"), "every customer reads a global query under its own path");
        assertTrue(seen.getString("@id").endsWith(underOther));
        assertEquals(owner.customer(), seen.getJsonNumber("customer").longValue());
        assertTrue(names(json(other.api(base).get("/customers/" + other.customer() + "/namedQueries"))).contains(name));

        for (Tenant tenant : List.of(owner, other)) {
            String path = "/customers/" + tenant.customer() + "/namedQueries/" + id;
            expectError(tenant.api(base).put(path, "{\"template\":\"s1=p2\"}"), 403, "only an administrator");
            expectError(tenant.api(base).delete(path), 403, "only an administrator");
        }
        expectError(admin.post("/customers/" + other.customer() + "/namedQueries", body), 409,
                "already a global named query called '" + name + "'");

        String underOwner = "/customers/" + owner.customer() + "/namedQueries/" + id;
        assertEquals("s1=p2", json(admin.put(underOwner, "{\"template\":\"s1=p2\"}")).getString("template"));
        assertEquals(204, admin.delete(underOwner).getStatus());
        assertEquals(404, other.api(base).get(underOther).getStatus());
    }

    @Test
    void theBuiltInBookQueryBelongsToTheAdministrator() {
        JsonObject list = json(Api.admin(base).get("/customers/1/namedQueries?pageSize=500"));
        JsonObject book = list.getJsonArray("member").stream().map(JsonValue::asJsonObject)
                .filter(q -> q.getString("name").equals("book")).findFirst().orElseThrow();
        assertTrue(book.getBoolean("global"));
        assertEquals(1, book.getInt("customer"));
        assertEquals("space=p1&s1=p2&canvas=n1", book.getString("template"));
    }

    static List<String> names(JsonObject collection) {
        return collection.getJsonArray("member").stream().map(m -> m.asJsonObject().getString("name")).toList();
    }

    static void expectError(Response response, int status, String detailPart) {
        JsonObject error = json(response);
        assertEquals(status, response.getStatus(), error.toString());
        assertTrue(error.getString("detail").contains(detailPart), error.toString());
    }
}
