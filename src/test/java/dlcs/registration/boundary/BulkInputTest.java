package dlcs.registration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The bodies of allImages, deleteImages and the bulk PATCH, member by member. */
class BulkInputTest {

    @Test
    void idsAreTheCustomersFullImageKeysInOrder() {
        assertEquals(List.of("7/2/b", "7/1/a"), BulkInput.keys(members("{\"id\":\"7/2/b\"}", "{\"id\":\"7/1/a\"}"), 7));
    }

    @Test
    void foreignMalformedAndRepeatedIdsAreRefusedNamingTheMember() {
        assertRefused(() -> BulkInput.keys(members("{\"id\":\"7/1/a\"}", "{\"id\":\"8/1/a\"}"), 7),
                "Member 1: its id '8/1/a' is not an image of customer 7");
        assertRefused(() -> BulkInput.keys(members("{\"id\":\"a\"}"), 7), "customer/space/id");
        assertRefused(() -> BulkInput.keys(members("{\"id\":\"7/x/a\"}"), 7), "customer/space/id");
        assertRefused(() -> BulkInput.keys(members("{\"id\":\"7/1/a/b\"}"), 7), "customer/space/id");
        assertRefused(() -> BulkInput.keys(members("{\"id\":\"7/1/a b\"}"), 7), "Member 0");
        assertRefused(() -> BulkInput.keys(members("{\"id\":3}"), 7), "id must be a string");
        assertRefused(() -> BulkInput.keys(members("{}"), 7), "Member 0: it has no id");
        assertRefused(() -> BulkInput.keys(members("\"7/1/a\""), 7), "Member 0 is not a JSON object");
        assertRefused(() -> BulkInput.keys(members("{\"id\":\"7/1/a\"}", "{\"id\":\"7/1/a\"}"), 7),
                "7/1/a more than once");
    }

    @Test
    void theMemberArrayIsCountedBeforeAnyMemberIsRead() {
        JsonObject body = Json.createObjectBuilder().add("@type", "Collection")
                .add("member", Json.createArrayBuilder().add(1).add(2)).build();
        assertRefused(() -> BulkInput.members(body, count -> {
            throw new InvalidInputException("counted " + count);
        }), "counted 2");
        assertRefused(() -> BulkInput.members(Json.createObjectBuilder().add("@type", "Image").build(), c -> {
        }), "Hydra Collection");
    }

    @Test
    void patchesAreParsedAsSingleImagePatchesAndStayInTheirSpace() {
        var patches = BulkInput.patches(members("{\"id\":\"b\",\"string1\":\"x\",\"space\":4}", "{\"id\":\"a\",\"number1\":2}"), 4);
        assertEquals(List.of("b", "a"), List.copyOf(patches.keySet()));
        assertEquals("x", patches.get("b").string1());
        assertEquals(2L, patches.get("a").number1());
        assertRefused(() -> BulkInput.patches(members("{\"id\":\"a\",\"space\":5}"), 4), "this is space 4");
        assertRefused(() -> BulkInput.patches(members("{\"id\":\"a\",\"number1\":-1}"), 4), "Member 0: number1");
        assertRefused(() -> BulkInput.patches(members("{\"id\":\"a\"}", "{\"id\":\"a\"}"), 4), "more than once");
    }

    private static JsonArray members(String... members) {
        return Json.createReader(new StringReader("[" + String.join(",", members) + "]")).readArray();
    }

    private static void assertRefused(Executable parse, String mentioned) {
        String message = assertThrows(InvalidInputException.class, parse).getMessage();
        assertTrue(message.contains(mentioned), message);
    }
}
