package dlcs.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Whatever a client sends as JSON is a JSON object or a 400 that says what is wrong with it. */
class JsonFieldsTest {

    @Test
    void jsonNestedDeeperThanTheParserTakesIsA400() {
        String deep = "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> JsonFields.requireObject(body(deep)));
        assertTrue(refused.getMessage().startsWith("The request body could not be read as JSON"), refused.getMessage());
    }

    @Test
    void malformedJsonAndOtherTypesAreNamedByWhatCarriedThem() {
        assertTrue(assertThrows(InvalidInputException.class, () -> JsonFields.requireObject(body("{\"a\":"),
                "The 'metadata' part")).getMessage().startsWith("The 'metadata' part is not valid JSON"));
        assertEquals("The request body must be a JSON object.",
                assertThrows(InvalidInputException.class, () -> JsonFields.requireObject(body("[1]"))).getMessage());
    }

    @Test
    void aClientErrorFromReadingTheBodyIsKept() {
        ClientError tooLarge = new ClientError(413, "Too large", "over the limit") {
        };
        InputStream refusing = new InputStream() {
            @Override
            public int read() {
                throw tooLarge;
            }
        };
        assertEquals(tooLarge, assertThrows(ClientError.class, () -> JsonFields.requireObject(refusing)));
    }

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
