package dlcs.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "page-1", "A.b_c~d-0", "..a", "a..", "0"})
    void unreservedIdsAreAccepted(String id) {
        assertEquals(id, Identifiers.imageId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a b", "%2e", "a%20b", "café", "a\nb", "a?b", "a#b", "a:b"})
    void anythingElseIsRefusedWithTheRule(String id) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Identifiers.imageId(id));
        assertTrue(refused.getMessage().contains("id"), refused.getMessage());
    }

    @org.junit.jupiter.api.Test
    void idsAreAtMost220Characters() {
        assertEquals(220, Identifiers.imageId("x".repeat(220)).length());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Identifiers.imageId("x".repeat(221)));
        assertTrue(refused.getMessage().contains("221"));
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAreEscapedInMessages() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Identifiers.imageId("a\u0000b"));
        assertTrue(refused.getMessage().contains("\\u0000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper", "has space", "-leading", "", "123"})
    void customerNamesAreLowerCaseSlugsNotAllDigits(String name) {
        assertThrows(InvalidInputException.class, () -> Identifiers.customerName(name));
    }
}
