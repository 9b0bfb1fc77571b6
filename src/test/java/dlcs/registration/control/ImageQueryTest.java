package dlcs.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageQueryTest {

    @Test
    void filtersAreTypedAndKeptForPagingLinks() {
        ImageQuery query = ImageQuery.parse(Map.of("string1", "book a", "number2", "7", "tag", "t", "orderBy", "-number1"));
        assertEquals("book a", query.equals().get("string1"));
        assertEquals(7L, query.equals().get("number2"));
        assertEquals("number1", query.orderBy());
        assertTrue(query.descending());
        String links = query.toQueryString();
        assertTrue(links.contains("string1=book+a"), links);
        assertTrue(links.contains("orderBy=-number1"), links);
    }

    @Test
    void badNumbersAndUnknownOrdersAreRefused() {
        assertThrows(InvalidInputException.class, () -> ImageQuery.parse(Map.of("number1", "x")));
        assertThrows(InvalidInputException.class, () -> ImageQuery.parse(Map.of("number1", "-1")));
        assertThrows(InvalidInputException.class, () -> ImageQuery.parse(Map.of("orderBy", "storageVersion")));
    }

    @Test
    void theDefaultOrderIsById() {
        ImageQuery query = ImageQuery.parse(Map.of());
        assertEquals("id", query.orderBy());
        assertEquals("", query.toQueryString());
    }
}
