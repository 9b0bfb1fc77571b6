package dlcs.namedquery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.namedquery.entity.QueryTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one JPQL query of a selection: every condition bound as a parameter, the order made total. */
class SelectedImagesTest {

    private static final String BASE = "select i from Image i where i.customer = :customer"
            + " and i.width is not null and i.height is not null";

    @Test
    void theBookSelectsBySpaceAndString1AndOrdersByNumber1ThenRegistration() {
        assertEquals(BASE + " and i.space = :f_space and i.string1 = :f_s1 order by i.number1, "
                        + SelectedImages.TIE_BREAK,
                SelectedImages.jpql(QueryTemplate.parse("canvas=n1&s1=p2&space=p1").bind(List.of("1", "b"))));
    }

    @Test
    void everyFieldHasItsCondition() {
        String jpql = SelectedImages.jpql(QueryTemplate.parse(
                "spacename=a&s1=b&s2=c&s3=d&n1=1&n2=2&n3=3&batch=4,5&canvas=s2 desc;n3").bind(List.of()));
        assertEquals(BASE + " and i.space in (select s.number from Space s where s.customer = :customer"
                + " and s.name = :f_spacename) and i.string1 = :f_s1 and i.string2 = :f_s2 and i.string3 = :f_s3"
                + " and i.number1 = :f_n1 and i.number2 = :f_n2 and i.number3 = :f_n3 and i.batch in :f_batch"
                + " order by i.string2 desc, i.number3, " + SelectedImages.TIE_BREAK, jpql);
    }

    @Test
    void withoutCanvasTheOrderIsThatOfRegistration() {
        assertEquals(BASE + " order by " + SelectedImages.TIE_BREAK,
                SelectedImages.jpql(QueryTemplate.parse("#=1").bind(List.of())));
    }
}
