package dlcs.hydra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcs.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void defaultsAndOffsets() {
        Paging paging = Paging.parse(null, null);
        assertEquals(new Paging(1, 100), paging);
        assertEquals(200, Paging.parse("3", "100").firstResult());
        assertEquals(3, Paging.parse("1", "2").totalPages(5));
        assertEquals(1, Paging.parse("1", "2").totalPages(0));
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThrows(InvalidInputException.class, () -> Paging.parse("0", null));
        assertThrows(InvalidInputException.class, () -> Paging.parse(null, "501"));
        assertThrows(InvalidInputException.class, () -> Paging.parse("x", null));
    }
}
