package dlcs.it;

import static dlcs.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;

/** Building batch bodies and waiting for batches, for queue tests. */
public final class Batches {

    private Batches() {
    }

    public static JsonArrayBuilder members() {
        return Json.createArrayBuilder();
    }

    public static JsonObject member(int space, String id, String origin) {
        return Json.createObjectBuilder().add("id", id).add("space", space).add("origin", origin).build();
    }

    public static String collection(JsonArrayBuilder members) {
        return Json.createObjectBuilder().add("@type", "Collection").add("member", members).build().toString();
    }

    /** Polls the batch at {@code path} until it has {@code finished}; fails after {@code timeout}. */
    public static JsonObject awaitFinished(Api api, String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject batch = json(api.get(path));
        while (!batch.containsKey("finished")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Batch not finished after " + timeout + ": " + batch);
            }
            Thread.sleep(250);
            batch = json(api.get(path));
        }
        return batch;
    }

    /** The path of a batch resource from its absolute @id. */
    public static String path(JsonObject batch) {
        String id = batch.getString("@id");
        return id.substring(id.indexOf("/customers/"));
    }
}
