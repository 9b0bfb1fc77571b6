package dlcs.namedquery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import dlcs.registration.entity.Image;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** dlcs.presentation.max-canvases: a selection over it is a 400 that names the limit and its key. */
class NamedQueryImagesTest {

    @Test
    void aSelectionUpToTheLimitIsKeptAndOneOverItIsRefused() {
        List<Image> three = images(3);
        assertEquals(three, NamedQueryImages.withinLimit(three, 3, "book"));
        InvalidInputException over = assertThrows(InvalidInputException.class,
                () -> NamedQueryImages.withinLimit(images(4), 3, "book"));
        assertTrue(over.getMessage().contains("'book' selects more than 3 images"), over.getMessage());
        assertTrue(over.getMessage().contains("dlcs.presentation.max-canvases"), over.getMessage());
    }

    private static List<Image> images(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Image(7, 1, "page-" + i)).toList();
    }
}
