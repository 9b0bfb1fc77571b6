package dlcs.registration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing parameters as the DLCS has them: q, its shortcuts, orderBy and orderByDescending. */
class ImageQueryTest {

    @Test
    void shortcutFiltersAreTypedAndKeptForPagingLinks() {
        ImageQuery query = ImageQuery.parse(Map.of("string1", "book a", "number2", "7", "tag", "t", "orderBy", "-number1"));
        assertEquals("book a", query.filter().equals().get("string1"));
        assertEquals(7L, query.filter().equals().get("number2"));
        assertEquals(List.of("t"), query.filter().anyTag());
        assertEquals("number1", query.orderBy());
        assertTrue(query.descending());
        String links = query.toQueryString();
        assertTrue(links.contains("string1=book+a"), links);
        assertTrue(links.contains("tag=t"), links);
        assertTrue(links.contains("orderByDescending=number1"), links);
    }

    @Test
    void qHoldsTheDlcsFieldsAndComesBackInTheLinksAsQ() {
        ImageQuery query = ImageQuery.parse(Map.of("q",
                "{\"space\":3,\"string1\":\"MS 42\",\"number1\":0,\"tags\":[\"a\",\"b\"],\"string2\":null}"));
        ImageFilter filter = query.filter();
        assertEquals(Map.of("space", 3, "string1", "MS 42", "number1", 0L), filter.equals());
        assertEquals(List.of("a", "b"), filter.anyTag());
        String link = URLDecoder.decode(query.toQueryString(), StandardCharsets.UTF_8);
        assertEquals("q={\"space\":3,\"string1\":\"MS 42\",\"number1\":0,\"tags\":[\"a\",\"b\"]}", link);
        assertEquals(filter, ImageQuery.parse(Map.of("q", link.substring(2))).filter());
    }

    @Test
    void qAndShortcutsCombineButAFieldIsGivenOnce() {
        ImageFilter filter = ImageQuery.parse(Map.of("q", "{\"number1\":4}", "string1", "x")).filter();
        assertEquals(Map.of("number1", 4L, "string1", "x"), filter.equals());
        assertEquals(" and i.number1 = :q_number1 and i.string1 = :q_string1", filter.conditions("i"));
        assertRefused(Map.of("q", "{\"string1\":\"a\"}", "string1", "a"), "string1");
        assertRefused(Map.of("q", "{\"tags\":[\"a\"]}", "tag", "a"), "tags");
    }

    @Test
    void tagsMatchAnyOfThem() {
        ImageFilter filter = ImageQuery.parse(Map.of("q", "{\"tags\":[\"a\",\"b_c\"]}")).filter();
        assertEquals(" and (i.tags like :q_tag0 escape '\\' or i.tags like :q_tag1 escape '\\')", filter.conditions("i"));
    }

    @Test
    void aMalformedQOrAnUnknownFieldSaysWhatIsAllowed() {
        String allowed = "space, string1, string2, string3, number1, number2, number3, tags";
        assertTrue(assertRefused(Map.of("q", "{\"match\":{}}"), "'match'").contains(allowed));
        assertTrue(assertRefused(Map.of("q", "{\"manifests\":[\"m\"]}"), "manifests").contains(allowed));
        assertRefused(Map.of("q", "{\"string1\":"), "not valid JSON");
        assertRefused(Map.of("q", "[1]"), "JSON object");
        assertRefused(Map.of("q", "{\"string1\":[\"a\"]}"), "a string");
        assertRefused(Map.of("q", "{\"number1\":\"4\"}"), "whole number");
        assertRefused(Map.of("q", "{\"number1\":1.5}"), "whole number");
        assertRefused(Map.of("q", "{\"number1\":-1}"), "non-negative");
        assertRefused(Map.of("q", "{\"number1\":99999999999999999999}"), "whole number");
        assertRefused(Map.of("q", "{\"space\":1e999999999}"), "whole number");
        assertRefused(Map.of("q", "{\"tags\":\"a\"}"), "array of strings");
        assertRefused(Map.of("q", "{\"tags\":[\"a,b\"]}"), "comma");
        assertRefused(Map.of("q", "{\"string1\":\"" + "x".repeat(1001) + "\"}"), "string1");
        assertRefused(Map.of("q", "{\"string1\":\"" + "x".repeat(9000) + "\"}"), "q is 9");
        String manyTags = "{\"tags\":[" + "\"t\",".repeat(21) + "\"t\"]}";
        assertRefused(Map.of("q", manyTags), "at most 20");
    }

    @Test
    void orderByDescendingOrdersDownwardsAndFieldsMatchInAnyCase() {
        ImageQuery query = ImageQuery.parse(Map.of("orderByDescending", "Width"));
        assertEquals("width", query.orderBy());
        assertTrue(query.descending());
        assertEquals(" order by i.width desc, i.key", query.orderClause("i", "i.key"));
        ImageQuery up = ImageQuery.parse(Map.of("orderBy", "id"));
        assertFalse(up.descending());
        assertEquals(" order by i.imageId, i.key", up.orderClause("i", "i.key"));
        assertEquals("orderBy=id", up.toQueryString());
    }

    @Test
    void badNumbersUnknownOrdersAndTwoOrdersAreRefused() {
        assertRefused(Map.of("number1", "x"), "number1");
        assertRefused(Map.of("number1", "-1"), "number1");
        String unknown = assertRefused(Map.of("orderBy", "storageVersion"), "orderBy");
        assertTrue(unknown.contains("width"), unknown);
        assertRefused(Map.of("orderByDescending", "-width"), "orderByDescending");
        assertRefused(Map.of("orderBy", "width", "orderByDescending", "height"), "not both");
    }

    @Test
    void withoutAnOrderTheListingsOwnOrderDecides() {
        ImageQuery query = ImageQuery.parse(Map.of());
        assertNull(query.orderBy());
        assertEquals(" order by m.position", query.orderClause("i", "m.position"));
        assertEquals("", query.toQueryString());
        assertEquals("", query.filter().conditions("i"));
    }

    private static String assertRefused(Map<String, String> parameters, String mentioned) {
        String message = assertThrows(InvalidInputException.class, () -> ImageQuery.parse(parameters)).getMessage();
        assertTrue(message.contains(mentioned), message);
        return message;
    }
}
