package dlcs.ingest.entity;

import dlcs.common.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;

/**
 * The body of one JMS text message: which member of which batch to ingest. The image's origin
 * and metadata are in the database, stored with the batch; the message only points at them.
 */
public record IngestMessage(long batch, String imageKey) {

    public String toJson() {
        return Jsons.object().add("batch", batch).add("image", imageKey).build().toString();
    }

    /** Parses a message body; a body that is not this JSON is an {@link IllegalArgumentException}. */
    public static IngestMessage parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("empty message");
        }
        JsonObject json;
        try (JsonReader reader = Jsons.reader(new StringReader(text))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        if (!(json.get("batch") instanceof JsonNumber batch) || !batch.isIntegral()) {
            throw new IllegalArgumentException("\"batch\" must be a batch number");
        }
        if (!(json.get("image") instanceof JsonString image)) {
            throw new IllegalArgumentException("\"image\" must be an image key (customer/space/id)");
        }
        return new IngestMessage(batch.longValue(), image.getString());
    }
}
