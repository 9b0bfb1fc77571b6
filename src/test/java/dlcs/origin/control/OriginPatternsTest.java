package dlcs.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginPatternsTest {

    /** The regex of the reproduction: a backtracking engine takes 13.5 s on 41 characters, 1.6 times more per character. */
    private static final String PATHOLOGICAL = "^http://127\\.0\\.0\\.1:9/(a|aa){1,200}$";
    private static final String PREFIX = "http://127.0.0.1:9/";

    private final OriginPatterns patterns = new OriginPatterns(OriginPatterns.DEFAULT_MAX_STEPS);

    @Test
    void aPathologicalRegexAnswersInBoundedTimeOnALongOrigin() {
        String almost = PREFIX + "a".repeat(2000 - PREFIX.length() - 1) + "b";
        String matching = PREFIX + "a".repeat(399);
        assertEquals(2000, almost.length());
        // a safety bound, not a speed target: a backtracking engine would not finish in a lifetime
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertFalse(patterns.found(PATHOLOGICAL, almost));
            assertFalse(patterns.found(PATHOLOGICAL, PREFIX + "a".repeat(40) + "b"));
            assertTrue(patterns.found(PATHOLOGICAL, matching));
        });
    }

    @Test
    void regexesAreFoundAnywhereUnlessAnchored() {
        assertTrue(patterns.found("/private/", "https://example.org/private/a.jpg"));
        assertFalse(patterns.found("^/private/", "https://example.org/private/a.jpg"));
        assertTrue(patterns.found("^" + Pattern.quote("https://example.org/a+b/"), "https://example.org/a+b/c.jpg"));
        assertTrue(patterns.found("(?i)^S3://MY-bucket/", "s3://my-bucket/key.tif"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(a)\\1|a backreference",
        "(?<n>a)\\k<n>|a backreference",
        "^https://x/(?=a)|lookahead",
        "^https://x/(?!a)|lookahead",
        "(?<=a)b|lookbehind",
        "(?<!a)b|lookbehind",
        "(?>a)|an atomic group",
        "a*+|a possessive quantifier",
        "\\Z|\\Z"})
    void constructsThatNeedBacktrackingAreRefusedByName(String regex, String named) {
        Pattern.compile(regex); // valid for java.util.regex
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> patterns.compile(regex));
        assertTrue(refused.getMessage().contains(named), refused.getMessage());
        assertTrue(refused.getMessage().contains("RE2"), refused.getMessage());
    }

    @Test
    void invalidAndOversizedRegexesAreRefused() {
        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> patterns.compile("([a-"));
        assertTrue(invalid.getMessage().contains("not a valid regex"), invalid.getMessage());
        assertThrows(InvalidInputException.class, () -> patterns.compile("a".repeat(1001)));
        patterns.compile("a".repeat(1000));
        // repetitions that expand to a program too large to compile or to run in linear time on every fetch
        for (String large : new String[] {"((a{1000}){1000}){1000}", "(a{1000}){1000}", "(.*a){1000}",
                "([a-z]{1,1000}){4}z", "(x{100}){100}"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> patterns.compile(large),
                    large);
            assertTrue(refused.getMessage().contains("repetitions"), refused.getMessage());
        }
        patterns.compile(PATHOLOGICAL);
        patterns.compile("^https://example\\.org/[a-z0-9]{1,64}/[^/]+\\.(jpg|tif)$");
        InvalidInputException configured = assertThrows(InvalidInputException.class,
                () -> new OriginPatterns(1000).compile(PATHOLOGICAL));
        assertTrue(configured.getMessage().contains("at most 1000, dlcs.origin.max-regex-steps"),
                configured.getMessage());
    }

    @Test
    void aStoredRegexThatCannotBeCompiledMatchesNothing() {
        assertFalse(patterns.found("^https://x/(?=a)", "https://x/a.jpg"));
        assertFalse(patterns.found("(a{1000}){1000}", "a"));
    }
}
