package dlcs.namedquery.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.common.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Any text is either a template or a 400; the selection keys mean the same in any order. */
class QueryTemplatePropertiesTest {

    @Property(tries = 3000)
    void anyTextParsesOrIsRefusedWithA400(@ForAll("templateLike") String text) {
        try {
            QueryTemplate template = QueryTemplate.parse(text);
            bindQuietly(template, List.of("1", "a", "2"));
        } catch (InvalidInputException expected) {
            // a 400 that says why: the only failure allowed
        }
    }

    @Property(tries = 500)
    void theOrderOfThePairsDoesNotMatter(@ForAll("shuffleSeed") @IntRange(min = 0, max = 1000) int seed) {
        List<String> pairs = new ArrayList<>(List.of("space=p1", "s1=p2", "n2=p3", "s3=lit", "canvas=n1;s2 desc", "#=9"));
        Collections.shuffle(pairs, new java.util.Random(seed));
        QueryTemplate shuffled = QueryTemplate.parse(String.join("&", pairs));
        QueryTemplate written = QueryTemplate.parse("space=p1&s1=p2&n2=p3&s3=lit&canvas=n1;s2 desc&#=9");
        assertEquals(written, shuffled);
        assertEquals(written.bind(List.of("4", "book", "7")), shuffled.bind(List.of("4", "book", "7")));
    }

    @Provide
    Arbitrary<Integer> shuffleSeed() {
        return Arbitraries.integers().between(0, 1000);
    }

    /** Text made mostly of the syntax's own pieces, so that most tries get deep into the parser. */
    @Provide
    Arbitrary<String> templateLike() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("space", "spacename", "s1", "s2", "s3", "n1", "n2", "n3", "batch", "canvas", "assetOrder",
                        "#", "=", "&", ";", " ", "+", "desc", "asc", "p1", "p2", "p0", "p99", "p100", ",", "%2F", "12",
                        "-1", "x"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(4));
        return piece.list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    private static void bindQuietly(QueryTemplate template, List<String> parameters) {
        try {
            template.bind(parameters.subList(0, Math.min(parameters.size(), template.parameters())));
        } catch (InvalidInputException expected) {
            // a parameter that breaks its field's rule, or too few of them
        }
    }
}
