package dlcs.ingest.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * The body of one JMS text message: which member of which batch to ingest. The image's origin
 * and metadata are in the database, stored with the batch; the message only points at them.
 */
public record IngestMessage(long batch, String imageKey) {

    public String toJson() {
        return Json.createObjectBuilder().add("batch", batch).add("image", imageKey).build().toString();
    }

    /** Parses a message body; a body that is not this JSON is an {@link IllegalArgumentException}. */
    public static IngestMessage parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("empty message");
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            return new IngestMessage(json.getJsonNumber("batch").longValueExact(), json.getString("image"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an ingest message: " + e.getMessage(), e);
        }
    }
}
