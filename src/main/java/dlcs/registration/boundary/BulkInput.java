package dlcs.registration.boundary;

import dlcs.common.InvalidInputException;
import dlcs.common.JsonFields;
import dlcs.common.Text;
import dlcs.hydra.Hydra;
import dlcs.registration.control.Identifiers;
import dlcs.registration.entity.Image;
import dlcs.registration.entity.ImageMetadata;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The bodies of the bulk requests, Hydra Collections as the DLCS has them: a list of image ids
 * {@code {"member": [{"id": "2/5/foo"}, ...]}} (allImages, deleteImages), or of partial images
 * {@code {"member": [{"id": "foo", "string1": "x"}, ...]}} (PATCH of a space's images). Each
 * member is checked and named by its position in the 400 it gets; an id listed twice is refused.
 */
final class BulkInput {

    private BulkInput() {
    }

    /** The member array, of at most {@code checkCount}'s limit, before any member is read. */
    static JsonArray members(JsonObject body, IntConsumer checkCount) {
        JsonArray members = Hydra.members(body, "The request body");
        checkCount.accept(members.size());
        return members;
    }

    /** Image keys ("customer/space/id") of {@code customer}, from ids of that form. */
    static List<String> keys(JsonArray members, long customer) {
        List<String> keys = new ArrayList<>(members.size());
        each(members, (member, i) -> {
            String id = id(member);
            String shown = Text.printable(id);
            String[] parts = id.split("/", -1);
            if (parts.length != 3 || !parts[1].matches("\\d{1,9}")) {
                throw new InvalidInputException("its id '" + shown + "' is not customer/space/id, such as \""
                        + customer + "/1/my-image\".");
            }
            if (!parts[0].equals(String.valueOf(customer))) {
                throw new InvalidInputException("its id '" + shown + "' is not an image of customer " + customer
                        + "; list only this customer's images.");
            }
            keys.add(Image.keyOf(customer, Integer.parseInt(parts[1]), Identifiers.imageId(parts[2])));
        });
        refuseDuplicates(keys);
        return keys;
    }

    /** Image id to the change a PATCH member asks for; a member's {@code space}, if given, must be {@code space}. */
    static LinkedHashMap<String, ImageMetadata> patches(JsonArray members, int space) {
        LinkedHashMap<String, ImageMetadata> patches = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(members.size());
        each(members, (member, i) -> {
            String id = Identifiers.imageId(id(member));
            Integer given = JsonFields.integer(member, "space");
            if (given != null && given != space) {
                throw new InvalidInputException("it says space " + given + ", but this is space " + space
                        + "; PATCH each space's images at that space.");
            }
            ids.add(id);
            patches.put(id, ImageInput.parse(member));
        });
        refuseDuplicates(ids);
        return patches;
    }

    private static String id(JsonObject member) {
        String id = JsonFields.string(member, "id");
        if (id == null) {
            throw new InvalidInputException("it has no id.");
        }
        return id;
    }

    private static void each(JsonArray members, BiConsumer<JsonObject, Integer> read) {
        for (int i = 0; i < members.size(); i++) {
            JsonValue value = members.get(i);
            if (!(value instanceof JsonObject member)) {
                throw new InvalidInputException("Member " + i + " is not a JSON object.");
            }
            try {
                read.accept(member, i);
            } catch (InvalidInputException e) {
                String message = e.getMessage();
                throw new InvalidInputException("Member " + i + ": " + Character.toLowerCase(message.charAt(0))
                        + message.substring(1));
            }
        }
    }

    private static void refuseDuplicates(List<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                twice.add(id);
            }
        }
        if (!twice.isEmpty()) {
            throw new InvalidInputException("member lists " + String.join(", ", twice.stream().limit(10).toList())
                    + (twice.size() > 10 ? " and more" : "") + " more than once; list each image once.");
        }
    }
}
