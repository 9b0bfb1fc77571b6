package dlcs.nodes.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;

/**
 * One piece of news for every node: of what {@code kind} (the feature that sends it decides, and
 * observes it again on every node), about which {@code subject} (an image's key, an API key). The
 * body of one JMS text message on the news topic.
 */
public record NodeNews(String kind, String subject) {

    /** Longest kind and subject accepted: news is small, and a larger body is not ours. */
    public static final int MAX_LENGTH = 1000;

    public NodeNews {
        if (kind == null || kind.isBlank() || kind.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("\"kind\" must be a short non-empty string");
        }
        if (subject == null || subject.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("\"subject\" must be a string of at most " + MAX_LENGTH + " characters");
        }
    }

    public boolean is(String wanted) {
        return kind.equals(wanted);
    }

    public String toJson() {
        return Json.createObjectBuilder().add("kind", kind).add("subject", subject).build().toString();
    }

    /** Parses a message body; a body that is not this JSON is an {@link IllegalArgumentException}. */
    public static NodeNews parse(String text) {
        if (text == null || text.length() > 4 * MAX_LENGTH) {
            throw new IllegalArgumentException(text == null ? "empty message" : "message too long");
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        if (!(json.get("kind") instanceof JsonString kind) || !(json.get("subject") instanceof JsonString subject)) {
            throw new IllegalArgumentException("\"kind\" and \"subject\" must be strings");
        }
        return new NodeNews(kind.getString(), subject.getString());
    }
}
