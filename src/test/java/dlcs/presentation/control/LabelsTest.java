package dlcs.presentation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void aSingleImageIsLabelledByItsString1ElseItsId() {
        assertEquals("The Book", Labels.ofImage(TestImages.ingested("p1", 10, 10, "The Book", 1, List.of())));
        assertEquals("p1", Labels.ofImage(TestImages.ingested("p1", 10, 10, null, 1, List.of())));
        assertEquals("p1", Labels.ofImage(TestImages.ingested("p1", 10, 10, " ", 1, List.of())));
    }

    @Test
    void aSelectionIsLabelledByTheString1AllItsImagesShare() {
        assertEquals("book-a", Labels.ofSelection("book", List.of("3", "book-a"), List.of(
                TestImages.ingested("p1", 10, 10, "book-a", 1, List.of()),
                TestImages.ingested("p2", 10, 10, "book-a", 2, List.of()))));
    }

    @Test
    void otherwiseByTheQueryAndItsParameters() {
        assertEquals("tagged 3/red", Labels.ofSelection("tagged", List.of("3", "red"), List.of(
                TestImages.ingested("p1", 10, 10, "book-a", 1, List.of()),
                TestImages.ingested("p2", 10, 10, "book-b", 2, List.of()))));
        assertEquals("all", Labels.ofSelection("all", List.of(), List.of(
                TestImages.ingested("p1", 10, 10, null, 1, List.of()))));
    }
}
