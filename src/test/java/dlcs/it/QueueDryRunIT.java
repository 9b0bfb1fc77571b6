package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.openapi.ApiDescription;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue's dry run ({@code POST .../queue?dryRun=true}) in the real server: every member
 * checked as a submission checks it, each problem at its member's place, nothing stored or
 * queued, one customer learning nothing of another's.
 */
class QueueDryRunIT extends ServerTest {

    private static String queue(Tenant tenant) {
        return "/customers/" + tenant.customer() + "/queue";
    }

    /** The (member, field) pairs of a dry run's errors, in order. */
    private static List<String> places(JsonObject report) {
        return report.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getInt("member") + ":" + e.getString("field", "")).toList();
    }

    @Test
    void everyBadMemberIsListedAtItsPlaceAndNothingIsStored() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String ok = origin().serveImage("/" + tenant.name() + "/dry.jpg", "image/jpeg", Fixtures.jpeg(10, 10));
        JsonArrayBuilder members = Batches.members()
                .add(member(tenant.space(), "a", ok))
                .add(member(tenant.space(), "bad/id", ok))
                .add(member(99, "b", ok))
                .add(member(tenant.space(), "c", "http://10.0.0.1/c.jpg"))
                .add(member(tenant.space(), "a", ok))
                .add(Json.createObjectBuilder().add("id", "d").add("space", tenant.space()))
                .add(member(tenant.space(), "e", ok));

        String batch = collection(members);
        Response answer = api.post(queue(tenant) + "?dryRun=true", batch);
        assertEquals(200, answer.getStatus());
        String text = answer.readEntity(String.class);
        JsonObject report = Json.createReader(new java.io.StringReader(text)).readObject();
        assertEquals("BatchDryRun", report.getString("@type"));
        assertEquals(7, report.getInt("count"));
        assertFalse(report.getBoolean("valid"));
        assertFalse(report.getBoolean("priority"));
        assertEquals(List.of("1:id", "2:space", "3:origin", "4:id", "5:origin"), places(report));
        List<JsonObject> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals("bad/id", errors.get(0).getString("id"));
        assertTrue(errors.get(1).getString("detail").contains("has no space 99"), errors.get(1).toString());
        assertTrue(errors.get(2).getString("detail").contains("10.0.0.1"), errors.get(2).toString());
        assertTrue(errors.get(3).getString("detail").contains("twice") && errors.get(3).getString("detail")
                .contains("member 0"), errors.get(3).toString());
        assertTrue(errors.get(4).getString("detail").contains("no origin"), errors.get(4).toString());
        assertEquals(List.of(), description().errors("BatchDryRun", text));

        // the same batch submitted: refused, naming the first and counting the others
        BadInputIT.expectError(api.post(queue(tenant), batch), 400,
                "Member 1 (id 'bad/id'): The image id 'bad/id' may only contain");
        BadInputIT.expectError(api.post(queue(tenant), batch), 400,
                "4 other members have errors too; send the batch with ?dryRun=true");
        assertEquals(0, json(api.get(queue(tenant) + "/batches")).getInt("totalItems"));
        assertEquals(0, json(api.get(tenant.spacePath() + "/images")).getInt("totalItems"));
    }

    @Test
    void aGoodBatchIsValidAndStillNotQueuedUntilSubmitted() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String ok = origin().serveImage("/" + tenant.name() + "/good.jpg", "image/jpeg", Fixtures.jpeg(10, 10));
        String body = collection(Batches.members().add(member(tenant.space(), "g1", ok))
                .add(Json.createObjectBuilder(member(tenant.space(), "g2", ok)).add("number1", 2).add("tags",
                        Json.createArrayBuilder().add("x")))
                .add(Json.createObjectBuilder().add("space", String.valueOf(tenant.space())).add("origin", ok)));
        for (String path : List.of(queue(tenant) + "?dryRun=true", queue(tenant) + "?dryRun",
                queue(tenant) + "/priority?dryRun=true")) {
            Response answer = api.post(path, body);
            assertEquals(200, answer.getStatus(), path);
            JsonObject report = json(answer);
            assertTrue(report.getBoolean("valid"), report.toString());
            assertEquals(3, report.getInt("count"));
            assertEquals(path.contains("priority"), report.getBoolean("priority"));
            assertEquals(0, report.getJsonArray("errors").size());
        }
        assertEquals(0, json(api.get(queue(tenant) + "/batches")).getInt("totalItems"));
        assertEquals(0, json(api.get(tenant.spacePath() + "/images")).getInt("totalItems"));
        assertEquals(0, json(api.get(queue(tenant))).getInt("size"));

        assertEquals(201, api.post(queue(tenant) + "?dryRun=false", body).getStatus());
        assertEquals(1, json(api.get(queue(tenant) + "/batches")).getInt("totalItems"));
        assertEquals(1000, json(api.get(queue(tenant))).getInt("maxBatchSize"));
    }

    @Test
    void aDryRunTellsOneCustomerNothingOfAnothers() {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Tenant other = admin.newTenant();
        assertEquals(201, admin.post("/customers/" + other.customer() + "/spaces", "{\"name\":\"second\"}").getStatus());
        String ok = origin().serveImage("/" + tenant.name() + "/own.jpg", "image/jpeg", Fixtures.jpeg(10, 10));
        Api api = tenant.api(base);

        // another customer's queue: refused before the body is read
        BadInputIT.expectError(api.post(queue(other) + "?dryRun=true", collection(Batches.members()
                .add(member(other.space(), "x", ok)))), 403, "");
        // a space the other customer has and this one has not reads as any missing space
        JsonObject report = json(api.post(queue(tenant) + "?dryRun=true", collection(Batches.members()
                .add(member(2, "x", ok)).add(member(98765, "y", ok))
                .add(Json.createObjectBuilder().add("id", "z").add("origin", ok)
                        .add("space", base + "customers/" + other.customer() + "/spaces/1")))));
        List<JsonObject> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals("Customer " + tenant.customer() + " has no space 2.", errors.get(0).getString("detail"));
        assertEquals("Customer " + tenant.customer() + " has no space 98765.", errors.get(1).getString("detail"));
        assertTrue(errors.get(2).getString("detail").contains("belongs to another customer"), errors.get(2).toString());
        assertEquals(0, json(Api.admin(base).get(queue(other) + "/batches")).getInt("totalItems"));
    }

    @Test
    void hostileBodiesAndOddIdsAreClear4xxsOrListedProblems() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String ok = origin().serveImage("/" + tenant.name() + "/odd.jpg", "image/jpeg", Fixtures.jpeg(10, 10));
        String dry = queue(tenant) + "?dryRun=true";

        JsonObject odd = json(api.post(dry, collection(Batches.members()
                .add(member(tenant.space(), "nul\u0000id", ok))
                .add(member(tenant.space(), "..", ok))
                .add(member(tenant.space(), "x".repeat(221), ok))
                .add(member(tenant.space(), "ünïcödé", ok))
                .add(member(tenant.space(), "%2F", ok))
                .add(Json.createObjectBuilder().add("id", "s").add("space", "1\u0000").add("origin", ok))
                .add(Json.createObjectBuilder().add("id", Json.createArrayBuilder()).add("space", 1).add("origin", ok))
                .add(member(tenant.space(), "f", "file:///etc/passwd"))
                .add(member(tenant.space(), "l", "http://169.254.169.254/latest"))
                .add("not an object"))));
        assertEquals(List.of("0:id", "1:id", "2:id", "3:id", "4:id", "5:space", "6:id", "7:origin", "8:origin", "9:"),
                places(odd));
        assertTrue(odd.getJsonArray("errors").getJsonObject(0).getString("id").contains("\\u0000"),
                "a control character is escaped where the id is quoted back");

        BadInputIT.expectError(api.post(queue(tenant) + "?dryRun=maybe", collection(Batches.members()
                .add(member(tenant.space(), "a", ok)))), 400, "dryRun must be true or false");
        BadInputIT.expectError(api.post(dry, "{\"member\":["), 400, "JSON");
        BadInputIT.expectError(api.post(dry, "[]"), 400, "JSON object");
        BadInputIT.expectError(api.post(dry, collection(Batches.members())), 400, "no members");
        JsonArrayBuilder tooMany = Batches.members();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(member(tenant.space(), "m" + i, ok));
        }
        BadInputIT.expectError(api.post(dry, collection(tooMany)), 400, "at most 1000");

        RawHttp http = RawHttp.as(base, tenant.key(), tenant.secret());
        byte[] huge = ("{\"member\":[{\"id\":\"" + "x".repeat(17 << 20) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        BadInputIT.expectError(http.send(http.request(dry).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))), 413, "dlcs.queue.max-batch-bytes");
        assertEquals(0, json(api.get(queue(tenant) + "/batches")).getInt("totalItems"));
        assertEquals(0, json(api.get(tenant.spacePath() + "/images")).getInt("totalItems"));
    }

    private ApiDescription description() {
        return ApiDescription.fromJson(Api.anonymous(base).get("/openapi?format=JSON").readEntity(String.class));
    }
}
