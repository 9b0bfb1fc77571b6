package dlcs.ingest.boundary;

import dlcs.hydra.Hydra;
import dlcs.ingest.control.MemberProblem;
import dlcs.ingest.control.QueuedImage;
import dlcs.registration.boundary.ImageInput;
import dlcs.common.JsonFields;
import dlcs.common.Text;
import dlcs.registration.control.Identifiers;
import dlcs.registration.entity.ImageMetadata;
import dlcs.common.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch as clients send it: a Hydra {@code Collection} whose {@code member} entries are
 * images with at least {@code space} and {@code origin}. A member without an {@code id} gets a
 * new UUID, as an immediate registration does. {@code space} is the space's number, or its
 * {@code @id} URL; a member that names another customer is refused. Every member is read, and
 * every fault found is kept, so that one answer can name them all.
 */
final class BatchInput {

    private static final Pattern SPACE_URL = Pattern.compile(".*/customers/(\\d+)/spaces/(\\d+)/?");

    private BatchInput() {
    }

    /**
     * The members as read, in order, each null where it could not be read, and what was wrong
     * with those.
     */
    record Parsed(List<QueuedImage> members, List<MemberProblem> problems) {
    }

    static JsonArray members(JsonObject body) {
        return Hydra.members(body, "A batch");
    }

    static Parsed parse(JsonArray members, long customer) {
        List<QueuedImage> parsed = new ArrayList<>(members.size());
        List<MemberProblem> problems = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            JsonValue value = members.get(i);
            if (!(value instanceof JsonObject member)) {
                problems.add(new MemberProblem(i, null, null, "The member is not a JSON object."));
                parsed.add(null);
                continue;
            }
            int index = i;
            int before = problems.size();
            String given = read(() -> JsonFields.string(member, "id"), index, null, "id", problems);
            String id = problems.size() > before ? null
                    : read(() -> Identifiers.imageIdOrMinted(given), index, given, "id", problems);
            Integer space = read(() -> space(member, customer), index, given, "space", problems);
            ImageMetadata metadata = read(() -> ImageInput.parse(member), index, given, null, problems);
            parsed.add(id != null && space != null && metadata != null ? new QueuedImage(space, id, metadata) : null);
        }
        return new Parsed(parsed, problems);
    }

    /** What {@code reading} gives, or null with its refusal added to {@code problems}. */
    private static <T> T read(Supplier<T> reading, int member, String id, String field, List<MemberProblem> problems) {
        try {
            return reading.get();
        } catch (InvalidInputException e) {
            problems.add(new MemberProblem(member, id, field, e.getMessage()));
            return null;
        }
    }

    private static int space(JsonObject member, long customer) {
        Long named = JsonFields.wholeNumber(member, "customer");
        if (named != null && named != customer) {
            throw new InvalidInputException("It belongs to customer " + named + "; a batch holds images of customer "
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
                    throw new InvalidInputException("Its space " + Text.printable(text.getString()) + " belongs to another customer.");
                }
                return Integer.parseInt(url.group(2));
            }
        }
        throw new InvalidInputException(space == null ? "It has no space: give the space's number." : "Its space must"
                + " be a space number, not " + Text.printable(space.toString()) + ".");
    }
}
