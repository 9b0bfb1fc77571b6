package dlcs.namedquery.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import dlcs.namedquery.entity.QueryTemplate.Literal;
import dlcs.namedquery.entity.QueryTemplate.Ordering;
import dlcs.namedquery.entity.QueryTemplate.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DLCS template syntax: every key, every value form, and every fault with where it is. */
class QueryTemplateTest {

    @Test
    void theBookTemplateSelectsBySpaceAndString1InNumber1Order() {
        QueryTemplate book = QueryTemplate.parse("space=p1&s1=p2&canvas=n1");
        assertEquals(Map.of(Field.SPACE, new Parameter(1), Field.STRING1, new Parameter(2)), book.conditions());
        assertEquals(List.of(new Ordering(Field.NUMBER1, false)), book.ordering());
        assertEquals(2, book.parameters());
        ImageCriteria criteria = book.bind(List.of("7", "ms-123"));
        assertEquals(Map.of(Field.SPACE, 7, Field.STRING1, "ms-123"), criteria.equal());
        assertEquals(book.ordering(), criteria.ordering());
    }

    @ParameterizedTest
    @CsvSource({"space,4,4", "spacename,Manuscripts,Manuscripts", "s1,a,a", "s2,b b,b b", "s3,c,c",
            "n1,0,0", "n2,12,12", "n3,999999999999999999,999999999999999999"})
    void everySelectionKeyTakesAParameterOrALiteral(String key, String value, String expected) {
        Field field = Field.byKey(key).orElseThrow();
        Object typed = field == Field.SPACE ? (Object) Integer.valueOf(expected)
                : key.startsWith("n") ? (Object) Long.valueOf(expected) : expected;
        assertEquals(Map.of(field, typed), QueryTemplate.parse(key + "=p1").bind(List.of(value)).equal());
        QueryTemplate literal = QueryTemplate.parse(key + "=" + value);
        assertEquals(Map.of(field, new Literal(value)), literal.conditions());
        assertEquals(Map.of(field, typed), literal.bind(List.of()).equal());
    }

    @Test
    void batchTakesOneOrMoreBatchNumbers() {
        assertEquals(Map.of(Field.BATCH, List.of(12L, 15L)), QueryTemplate.parse("batch=p1").bind(List.of("12,15")).equal());
        assertEquals(Map.of(Field.BATCH, List.of(3L)), QueryTemplate.parse("batch=3").bind(List.of()).equal());
        assertFault("batch=p1", List.of("12,,15"), "Parameter p1 (for batch)", "batch numbers separated by commas");
        String tooMany = "1,".repeat(Field.MAX_BATCHES) + "1";
        assertFault("batch=p1", List.of(tooMany), "at most " + Field.MAX_BATCHES);
    }

    @Test
    void canvasAndAssetOrderTakeFieldsWithDirections() {
        assertEquals(List.of(new Ordering(Field.NUMBER1, false), new Ordering(Field.NUMBER2, true)),
                QueryTemplate.parse("canvas=n1;n2 desc").ordering());
        assertEquals(List.of(new Ordering(Field.STRING3, false), new Ordering(Field.NUMBER3, true),
                        new Ordering(Field.STRING1, false)),
                QueryTemplate.parse("assetOrder=s3 asc;n3+DESC;s1").ordering());
        for (String key : List.of("s1", "s2", "s3", "n1", "n2", "n3")) {
            assertEquals(List.of(new Ordering(Field.byKey(key).orElseThrow(), true)),
                    QueryTemplate.parse("canvas=" + key + " desc").ordering());
        }
        assertEquals(List.of(), QueryTemplate.parse("s1=p1").ordering(), "no canvas: the default order");
    }

    @Test
    void aHashValueFillsThePositionsAfterTheUrlsParameters() {
        QueryTemplate template = QueryTemplate.parse("canvas=n1&s1=p1&#=my-string");
        assertEquals(List.of("my-string"), template.defaults());
        assertEquals(Map.of(Field.STRING1, "my-string"), template.bind(List.of()).equal());
        assertEquals(Map.of(Field.STRING1, "other"), template.bind(List.of("other")).equal(),
                "as in the DLCS, a parameter in the URL comes before the # values");
        QueryTemplate third = QueryTemplate.parse("s1=p1&n1=p2&space=p3&#=5");
        assertEquals(Map.of(Field.STRING1, "b", Field.NUMBER1, 2L, Field.SPACE, 5), third.bind(List.of("b", "2")).equal());
    }

    @Test
    void anEncodedSlashInAParameterIsASlash() {
        assertEquals(Map.of(Field.STRING1, "a/b/c"), QueryTemplate.parse("s1=p1").bind(List.of("a%2Fb%2fc")).equal());
        assertEquals(Map.of(Field.STRING1, "a%2Fb"), QueryTemplate.parse("s1=a%2Fb").bind(List.of()).equal(),
                "a literal is taken as it is");
    }

    @Test
    void aLiteralIsAnythingButPFollowedByDigits() {
        assertEquals(Map.of(Field.STRING1, new Literal("photos"), Field.STRING2, new Literal("p"),
                Field.STRING3, new Literal("p1x")), QueryTemplate.parse("s1=photos&s2=p&s3=p1x").conditions());
        assertEquals(0, QueryTemplate.parse("s1=photos").parameters());
    }

    @Test
    void parametersNeedNotBeDenseAndEmptyPairsAreSkipped() {
        QueryTemplate template = QueryTemplate.parse("&s1=p3&&n1=p1&");
        assertEquals(3, template.parameters());
        assertEquals(Map.of(Field.STRING1, "c", Field.NUMBER1, 1L), template.bind(List.of("1", "unused", "c")).equal());
    }

    @Test
    void missingAndExtraParametersAreRefusedWithWhatEachIsFor() {
        QueryTemplate book = QueryTemplate.parse("space=p1&s1=p2&canvas=n1");
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> book.bind(List.of("1")));
        assertTrue(missing.getMessage().contains("needs 2 parameters after its name (p1 space, p2 s1)"), missing.getMessage());
        InvalidInputException extra = assertThrows(InvalidInputException.class, () -> book.bind(List.of("1", "a", "b")));
        assertTrue(extra.getMessage().contains("at most 2 parameters"), extra.getMessage());
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> QueryTemplate.parse("s1=all").bind(List.of("x")));
        assertTrue(none.getMessage().contains("takes no parameters"), none.getMessage());
    }

    @Test
    void parametersThatBreakTheirFieldsRuleAreRefusedNamingThem() {
        assertFault("space=p1&s1=p2", List.of("abc", "x"), "Parameter p1 (for space)", "space number", "'abc'");
        assertFault("space=p1", List.of("1234567890"), "space number");
        assertFault("n1=p1", List.of("-1"), "Parameter p1 (for n1)", "non-negative whole number");
        assertFault("n2=p1", List.of("1.5"), "n2 must be");
        assertFault("n3=p1", List.of("9999999999999999999"), "n3 must be");
        assertFault("s1=p1", List.of(""), "Parameter p1 (for s1)", "1 to 1000 characters");
        assertFault("s2=p1", List.of("x".repeat(1001)), "1 to 1000 characters; this value has 1001");
        assertFault("spacename=p1", List.of("x".repeat(201)), "1 to 200 characters");
        assertFault("space=p1&#=x", List.of(), "Parameter p1 (for space)", "'x'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|needs a \"template\"",
            "'   '|needs a \"template\"",
            "s1|Pair 1 of the template ('s1') has no '='",
            "space=p1&s1|Pair 2 of the template ('s1') has no '='",
            "s1=a=b|more than one '='",
            "s1=|s1 has no value",
            "=x|'' is not a key",
            "manifest=s1|'manifest' is not a key this server knows; use space, spacename, s1, s2, s3, n1, n2, n3, batch",
            "S1=p1|'S1' is not a key",
            "' s1=p1'|' s1' is not a key",
            "s1=p1&s1=p2|s1 is given twice",
            "canvas=n1&assetOrder=n2|the order is given twice",
            "space=p1&spacename=p2|both space and spacename",
            "s1= p1|starts or ends with a space",
            "s1=p0|parameters are p1 to p99",
            "s1=p100|parameters are p1 to p99",
            "s1=p00000000001|parameters are p1 to p99",
            "space=abc|Pair 1 of the template ('space=abc'): space must be a space number",
            "n1=x|n1 must be a non-negative whole number, not 'x'",
            "batch=1;2|batch must be batch numbers",
            "canvas=n4|'n4' is not an order; order by one or more of s1, s2, s3, n1, n2, n3",
            "canvas=space|'space' is not an order",
            "canvas=n1;|'' is not an order",
            "canvas=n1 down|'down' is not a direction; use asc or desc after n1",
            "canvas=n1 desc extra|'n1 desc extra' is not an order",
            "canvas=n1;n1 desc|names n1 twice"})
    void malformedTemplatesSayWhereTheFaultIs(String template, String expected) {
        InvalidInputException fault = assertThrows(InvalidInputException.class, () -> QueryTemplate.parse(template));
        assertTrue(fault.getMessage().contains(expected), fault.getMessage());
    }

    @Test
    void aTemplateIsBoundedInLength() {
        String longest = "s1=a" + "&".repeat(QueryTemplate.MAX_LENGTH - 4);
        assertEquals(Map.of(Field.STRING1, new Literal("a")), QueryTemplate.parse(longest).conditions());
        InvalidInputException fault = assertThrows(InvalidInputException.class, () -> QueryTemplate.parse(longest + "&"));
        assertTrue(fault.getMessage().contains("at most 2000"), fault.getMessage());
    }

    @Test
    void controlCharactersAreEscapedInMessages() {
        InvalidInputException fault = assertThrows(InvalidInputException.class, () -> QueryTemplate.parse("k\u0000=1"));
        assertTrue(fault.getMessage().contains("k\\u0000"), fault.getMessage());
    }

    private static void assertFault(String template, List<String> parameters, String... expected) {
        InvalidInputException fault = assertThrows(InvalidInputException.class,
                () -> QueryTemplate.parse(template).bind(parameters));
        for (String part : expected) {
            assertTrue(fault.getMessage().contains(part), fault.getMessage());
        }
    }
}
