package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.awaitFinished;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shapes a client written for the DLCS relies on, one test per row of issue 14's list:
 * what a DLCS client sends and follows works here as it does there.
 */
class DlcsShapesIT extends ServerTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** The base URL without its trailing slash, as the entry point's {@code @id} has it. */
    private String root() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Test
    void anImagesBatchIsTheBatchsUrlThatAClientCanFollow() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String origin = origin().serveImage("/" + tenant.name() + "/q", "image/jpeg", Fixtures.jpeg(60, 40));
        JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue",
                collection(Batches.members().add(member(tenant.space(), "queued", origin)))));
        String batchUrl = batch.getString("@id");
        assertEquals(root() + "/customers/" + tenant.customer() + "/queue/batches/" + batch.getInt("id"), batchUrl);

        assertEquals(batchUrl, json(api.get(tenant.imagePath("queued"))).getString("batch"), "while it waits");
        awaitFinished(api, Batches.path(batch), PATIENCE);
        JsonObject image = json(api.get(tenant.imagePath("queued")));
        assertEquals(batchUrl, image.getString("batch"), "once done");
        Response followed = api.get(image.getString("batch").substring(root().length()));
        assertEquals(200, followed.getStatus());
        assertEquals("Batch", json(followed).getString("@type"));
        JsonObject listed = json(api.get(Batches.path(batch) + "/images")).getJsonArray("member").getJsonObject(0);
        assertEquals(batchUrl, listed.getString("batch"), "the batch's member listing says the same");

        assertEquals(201, api.put(tenant.imagePath("immediate"), "{\"origin\":\"" + origin + "\"}").getStatus());
        assertFalse(json(api.get(tenant.imagePath("immediate"))).containsKey("batch"),
                "an image registered directly has no batch");
    }

    @Test
    void aPutOfASpaceThatDoesNotExistCreatesIt() {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Tenant other = admin.newTenant();
        Api api = tenant.api(base);
        String spaces = "/customers/" + tenant.customer() + "/spaces";

        Response created = api.put(spaces + "/77", "{\"name\":\"ensured\",\"defaultTags\":[\"a\"]}");
        assertEquals(201, created.getStatus());
        assertEquals(root() + spaces + "/77", created.getLocation().toString());
        JsonObject space = json(created);
        assertEquals(77, space.getInt("id"));
        assertEquals("ensured", space.getString("name"));
        assertEquals(List.of("a"), space.getJsonArray("defaultTags").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(200, api.get(spaces + "/77").getStatus());

        Response updated = api.put(spaces + "/77", "{\"id\":77,\"name\":\"renamed\"}");
        assertEquals(200, updated.getStatus(), "an existing space is replaced");
        JsonObject replaced = json(updated);
        assertEquals("renamed", replaced.getString("name"));
        assertEquals(0, replaced.getJsonArray("defaultTags").size(), "PUT replaces: what is not given is reset");
        assertEquals(78, json(api.post(spaces, "{\"name\":\"next\"}")).getInt("id"), "POST numbers after the highest");

        Map<String, String> refused = Map.of(
                "/90", "{}",
                "/91", "{\"name\":\"renamed\"}",
                "/92", "{\"id\":93,\"name\":\"mismatch\"}",
                "/94", "{\"name\":\"bad tags\",\"defaultTags\":\"not a list\"}",
                "/0", "{\"name\":\"zero\"}",
                "/abc", "{\"name\":\"not a number\"}");
        refused.forEach((path, body) -> {
            Response answer = api.put(spaces + path, body);
            assertTrue(answer.getStatus() == 400 || path.equals("/91") && answer.getStatus() == 409,
                    path + " " + body + " answered " + answer.getStatus());
            JsonObject error = json(answer);
            BadInputIT.assertHelpful(error);
            assertEquals(answer.getStatus(), error.getInt("statusCode"), "the DLCS's name for status too");
            assertEquals(error.getString("detail"), error.getString("description"), "and for detail");
        });
        assertEquals(403, api.put("/customers/" + other.customer() + "/spaces/5", "{\"name\":\"theirs\"}").getStatus());
        assertEquals(404, admin.get("/customers/" + other.customer() + "/spaces/5").getStatus());
        assertEquals(3, json(api.get(spaces)).getInt("totalItems"), "the refused PUTs stored nothing");
        assertEquals(List.of(tenant.space(), 77, 78), json(api.get(spaces)).getJsonArray("member")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getInt("id")).toList());
    }

    @Test
    void aQueuedMemberWithoutAnIdGetsOneMinted() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String origin = origin().serveImage("/" + tenant.name() + "/m", "image/png", Fixtures.png(30, 20));
        Response accepted = api.post("/customers/" + tenant.customer() + "/queue", collection(Batches.members()
                .add(member(tenant.space(), "named", origin))
                .add(Json.createObjectBuilder().add("space", tenant.space()).add("origin", origin))));
        assertEquals(201, accepted.getStatus());
        JsonObject batch = json(accepted);
        assertEquals(2, batch.getInt("count"));
        awaitFinished(api, Batches.path(batch), PATIENCE);

        List<String> ids = json(api.get(Batches.path(batch) + "/images")).getJsonArray("member")
                .getValuesAs(JsonObject.class).stream().map(m -> m.getString("id")).toList();
        assertEquals(2, ids.size());
        assertEquals("named", ids.get(0));
        assertTrue(ids.get(1).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), ids.toString());
        JsonObject minted = json(api.get(tenant.imagePath(ids.get(1))));
        assertEquals(30, minted.getInt("width"));
        assertEquals(200, Api.anonymous(base).get(tenant.servicePath(ids.get(1)) + "/info.json").getStatus());
    }

    @Test
    void theCustomerLinksEachOfItsCollections() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String customer = root() + "/customers/" + tenant.customer();
        JsonObject resource = json(api.get("/customers/" + tenant.customer()));
        for (String collection : List.of("spaces", "allImages", "queue", "namedQueries", "originStrategies", "keys",
                "storage", "s3AmbientGrants")) {
            assertEquals(customer + "/" + collection, resource.getString(collection), collection);
        }
        for (String present : List.of("spaces", "queue", "originStrategies", "keys", "s3AmbientGrants")) {
            assertEquals(200, api.get(resource.getString(present).substring(root().length())).getStatus(), present);
        }
    }

    @Test
    void aCollectionSaysItsPageSizeAtTheTopAsWellAsInItsView() {
        Tenant tenant = Api.admin(base).newTenant();
        JsonObject spaces = json(tenant.api(base).get("/customers/" + tenant.customer() + "/spaces?pageSize=7"));
        assertEquals(7, spaces.getInt("pageSize"));
        assertEquals(7, spaces.getJsonObject("view").getInt("pageSize"));
    }

    @Test
    void theEntryPointLinksEveryTopLevelCollectionFromAnIdWithoutATrailingSlash() {
        JsonObject entry = json(Api.anonymous(base).get("/"));
        String id = entry.getString("@id");
        assertEquals(root(), id, "clients append /queue to it");
        for (String collection : List.of("customers", "originStrategies", "thumbnailPolicies", "storagePolicies",
                "queue")) {
            assertEquals(id + "/" + collection, entry.getString(collection), collection);
        }
        for (String present : List.of("customers", "originStrategies", "thumbnailPolicies", "queue")) {
            assertEquals(200, Api.admin(base).get(entry.getString(present).substring(id.length())).getStatus(), present);
        }
    }
}
