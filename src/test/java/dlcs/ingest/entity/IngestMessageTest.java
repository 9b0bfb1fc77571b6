package dlcs.ingest.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IngestMessageTest {

    @Test
    void messagesRoundTripAsJson() {
        IngestMessage message = new IngestMessage(12, "2/1/page-1");
        assertEquals(message, IngestMessage.parse(message.toJson()));
    }

    @Test
    void anythingElseIsRefusedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestMessage.parse("nope")).getMessage()
                .contains("JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestMessage.parse("{\"batch\":\"x\"}")).getMessage()
                .contains("batch"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IngestMessage.parse("{\"batch\":1}")).getMessage()
                .contains("image"));
        assertThrows(IllegalArgumentException.class, () -> IngestMessage.parse(null));
    }

    @Test
    void aBatchFinishesWhenEveryMemberIsAccountedFor() {
        Batch batch = new Batch(2, 10, false);
        assertEquals(10, batch.waiting());
        assertEquals(null, batch.estimatedCompletion(Instant.now()), "no estimate before any progress");
        assertEquals(MemberStatus.ERROR, MemberStatus.parse("error"));
        assertEquals(null, MemberStatus.parse("ERROR "));
    }
}
