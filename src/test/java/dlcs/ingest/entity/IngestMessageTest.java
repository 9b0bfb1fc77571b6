package dlcs.ingest.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
