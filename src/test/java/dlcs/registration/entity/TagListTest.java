package dlcs.registration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagListTest {

    @Test
    void tagsRoundTripThroughOneColumn() {
        assertEquals(",a,b c,", TagList.join(List.of("a", "b c")));
        assertEquals(List.of("a", "b c"), TagList.split(",a,b c,"));
        assertNull(TagList.join(List.of()));
        assertEquals(List.of(), TagList.split(null));
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertEquals("%,a\\%b\\_c,%", TagList.containing("a%b_c"));
    }
}
