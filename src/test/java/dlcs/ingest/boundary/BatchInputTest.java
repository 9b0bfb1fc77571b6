package dlcs.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import dlcs.ingest.control.MemberProblem;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a batch's members: every fault of every member is kept, each at its member's place. */
class BatchInputTest {

    private static JsonArray members(String... members) {
        return Json.createReader(new StringReader("[" + String.join(",", members) + "]")).readArray();
    }

    @Test
    void everyBadMemberIsFoundNotOnlyTheFirst() {
        BatchInput.Parsed parsed = BatchInput.parse(members(
                "{\"id\":\"fine\",\"space\":1,\"origin\":\"https://x.org/a.jpg\"}",
                "{\"id\":\"bad/id\",\"space\":1,\"origin\":\"https://x.org/b.jpg\"}",
                "\"not an object\"",
                "{\"id\":\"nospace\",\"origin\":\"https://x.org/c.jpg\"}",
                "{\"id\":\"n\",\"space\":1,\"origin\":\"https://x.org/d.jpg\",\"number1\":-2}",
                "{\"id\":7,\"space\":\"https://h/customers/9/spaces/1\"}",
                "{\"space\":\"1\",\"origin\":\"https://x.org/e.jpg\"}"), 5);

        assertEquals(7, parsed.members().size(), "one entry per member, in order");
        assertNotNull(parsed.members().get(0));
        for (int bad : new int[]{1, 2, 3, 4, 5}) {
            assertNull(parsed.members().get(bad), "member " + bad + " could not be read");
        }
        assertEquals(1, parsed.members().get(6).space());
        assertEquals(36, parsed.members().get(6).imageId().length(), "a member without an id gets a UUID");

        List<MemberProblem> problems = parsed.problems();
        assertEquals(List.of(1, 2, 3, 4, 5, 5), problems.stream().map(MemberProblem::member).toList());
        assertEquals("id", problems.get(0).field());
        assertEquals("bad/id", problems.get(0).id());
        assertTrue(problems.get(0).detail().startsWith("The image id 'bad/id' may only contain"), problems.get(0).detail());
        assertTrue(problems.get(1).detail().contains("not a JSON object"));
        assertEquals("space", problems.get(2).field());
        assertTrue(problems.get(2).detail().startsWith("It has no space"), problems.get(2).detail());
        assertNull(problems.get(3).field(), "a metadata field names itself in the detail");
        assertTrue(problems.get(3).detail().startsWith("number1 "), problems.get(3).detail());
        assertEquals("id", problems.get(4).field(), "an id that is not a string");
        assertEquals("space", problems.get(5).field());
        assertTrue(problems.get(5).detail().contains("another customer"), problems.get(5).detail());
    }

    @Test
    void aSubmissionIsRefusedWithTheFirstProblemAndHowManyMoreThereAre() {
        String one = MemberProblem.summary(List.of(new MemberProblem(3, "x", "space", "Customer 5 has no space 9.")));
        assertEquals("Member 3 (id 'x'): Customer 5 has no space 9.", one);
        String three = MemberProblem.summary(List.of(new MemberProblem(0, null, null, "The member is not a JSON object."),
                new MemberProblem(0, null, null, "A second fault of the same member."),
                new MemberProblem(4, "a\nb", "id", "Bad."), new MemberProblem(5, "c", "origin", "Refused.")));
        assertEquals("Member 0: The member is not a JSON object. 2 other members have errors too; send the batch"
                + " with ?dryRun=true to see every one.", three);
        assertTrue(MemberProblem.summary(List.of(new MemberProblem(4, "a\nb", "id", "Bad."))).contains("a\\u000ab"),
                "a control character in an id is escaped");
    }

    @Test
    void aDryRunIsAskedForWithTrueOrNothingAndAnythingElseIsRefused() {
        assertTrue(DryRuns.requested("true"));
        assertTrue(DryRuns.requested(""));
        assertEquals(false, DryRuns.requested(null));
        assertEquals(false, DryRuns.requested("false"));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> DryRuns.requested("yes\u0000"));
        assertTrue(refused.getMessage().contains("true or false") && refused.getMessage().contains("\\u0000"));
    }
}
