package dlcs.ingest.boundary;

import dlcs.hydra.Hydra;
import dlcs.ingest.control.QueuedImage;
import dlcs.registration.boundary.ImageInput;
import dlcs.common.JsonFields;
import dlcs.registration.control.Identifiers;
import dlcs.common.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch as clients send it: a Hydra {@code Collection} whose {@code member} entries are
 * images with at least {@code space} and {@code origin}. A member without an {@code id} gets a
 * new UUID, as an immediate registration does. {@code space} is the space's number, or its
 * {@code @id} URL; a member that names another customer is refused.
 */
final class BatchInput {

    private static final Pattern SPACE_URL = Pattern.compile(".*/customers/(\\d+)/spaces/(\\d+)/?");

    private BatchInput() {
    }

    static JsonArray members(JsonObject body) {
        return Hydra.members(body, "A batch");
    }

    static List<QueuedImage> parse(JsonArray members, long customer) {
        List<QueuedImage> parsed = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            JsonValue value = members.get(i);
            if (!(value instanceof JsonObject member)) {
                throw new InvalidInputException("Member " + i + " is not a JSON object.");
            }
            String id = JsonFields.string(member, "id");
            String name = "Member " + i + (id != null ? " (id '" + id + "')" : "");
            try {
                String imageId = Identifiers.imageIdOrMinted(id);
                int space = space(member, customer);
                parsed.add(new QueuedImage(space, imageId, ImageInput.parse(member)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(name + ": " + lowerFirst(e.getMessage()));
            }
        }
        return parsed;
    }

    private static int space(JsonObject member, long customer) {
        Long named = JsonFields.wholeNumber(member, "customer");
        if (named != null && named != customer) {
            throw new InvalidInputException("it belongs to customer " + named + "; a batch holds images of customer "
                    + customer + " only.");
        }
        JsonValue space = member.get("space");
        if (space instanceof JsonNumber) {
            Long number = JsonFields.wholeNumber(member, "space");
            if (number > 0 && number <= Integer.MAX_VALUE) {
                return number.intValue();
            }
        }
        if (space instanceof JsonString text) {
            if (text.getString().matches("\\d{1,9}")) {
                return Integer.parseInt(text.getString());
            }
            Matcher url = SPACE_URL.matcher(text.getString());
            if (url.matches()) {
                if (Long.parseLong(url.group(1)) != customer) {
                    throw new InvalidInputException("its space " + text.getString() + " belongs to another customer.");
                }
                return Integer.parseInt(url.group(2));
            }
        }
        throw new InvalidInputException(space == null ? "it has no space." : "its space must be a space number, not "
                + space + ".");
    }

    private static String lowerFirst(String message) {
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
