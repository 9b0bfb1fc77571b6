package dlcs.namedquery.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A query's name is a path segment of public URLs; its template is well formed before it is kept. */
class NamedQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {"book", "Book-2.v_1~x", "a", "..."})
    void unreservedNamesAreAccepted(String name) {
        assertEquals(name, NamedQuery.requireName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a b", "a%2Fb", "ä", "a?b", "a#b"})
    void otherNamesAreRefused(String name) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> NamedQuery.requireName(name));
        assertTrue(refused.getMessage().contains("A-Z a-z 0-9 - . _ ~"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {NamedQuery.NAME_LENGTH + 1, 10_000})
    void namesAreBounded(int length) {
        assertThrows(InvalidInputException.class, () -> NamedQuery.requireName("x".repeat(length)));
        assertEquals(NamedQuery.NAME_LENGTH, NamedQuery.requireName("x".repeat(NamedQuery.NAME_LENGTH)).length());
    }

    @org.junit.jupiter.api.Test
    void aMalformedTemplateIsRefusedAndChangesNothing() {
        NamedQuery query = new NamedQuery(5, "book", "space=p1&s1=p2&canvas=n1", false);
        assertThrows(InvalidInputException.class, () -> query.changeTemplate("canvas=n9"));
        assertEquals("space=p1&s1=p2&canvas=n1", query.template());
        assertThrows(InvalidInputException.class, () -> new NamedQuery(5, "book", "s1", false));
    }
}
