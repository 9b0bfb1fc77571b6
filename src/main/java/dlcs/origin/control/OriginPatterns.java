package dlcs.origin.control;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dlcs.common.InvalidInputException;
import dlcs.origin.entity.CustomerOriginStrategy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;

/**
 * The regexes of origin strategies, compiled for RE2/J: a linear-time engine, so that matching
 * an origin takes time in proportion to its length whatever a tenant wrote (java.util.regex
 * backtracks, and {@code (a|aa){1,200}$} held a request for seconds on 41 characters, 1.6 times
 * longer for each one more). RE2 has no backreferences, lookaround, atomic groups or possessive
 * quantifiers: a regex that uses one is refused by name. Counted repetitions are expanded when
 * compiled, so their nested counts are bounded too ({@code dlcs.origin.max-regex-steps}).
 */
final class OriginPatterns {

    private static final Logger LOG = Logger.getLogger(OriginPatterns.class.getName());

    static final int MAX_REGEX = CustomerOriginStrategy.REGEX_LENGTH;
    /** The default of the largest regex, counted as the steps it expands to once repetitions are unrolled. */
    static final int DEFAULT_MAX_STEPS = 2000;
    private static final int MAX_CACHED = 10_000;
    /** A counted repetition, {n}, {n,} or {n,m}: the syntax of regexes, read by the JDK's engine on our own pattern. */
    private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("\\{(\\d{1,9})(,(\\d{0,9}))?}");

    private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();
    private final Set<String> unusable = ConcurrentHashMap.newKeySet();
    private final long maxSteps;

    /**
     * {@code maxSteps}: the largest regex, as the steps it compiles to; matching an origin costs
     * up to this many steps per character.
     */
    OriginPatterns(long maxSteps) {
        this.maxSteps = maxSteps;
    }

    /** {@code regex} compiled, or a 400 that says what is wrong with it. */
    Pattern compile(String regex) {
        Pattern known = compiled.get(regex);
        if (known != null) {
            return known;
        }
        if (regex.length() > MAX_REGEX) {
            throw new InvalidInputException("The regex is " + regex.length() + " characters long; at most "
                    + MAX_REGEX + " are allowed.");
        }
        long size = expandedSize(regex);
        if (size > maxSteps) {
            throw new InvalidInputException("The regex is too large once its repetitions are expanded (about " + size
                    + " steps; at most " + maxSteps + ", dlcs.origin.max-regex-steps): use smaller counts in {n,m},"
                    + " or nest fewer of them.");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(describe(e));
        }
        if (compiled.size() < MAX_CACHED) {
            compiled.put(regex, pattern);
        }
        return pattern;
    }

    /**
     * Whether {@code regex} is found in {@code origin}. A stored regex that cannot be compiled
     * (one saved before regexes ran on RE2) matches nothing, and the log says so once.
     */
    boolean found(String regex, String origin) {
        try {
            return compile(regex).matcher(origin).find();
        } catch (InvalidInputException e) {
            if (unusable.size() < MAX_CACHED && unusable.add(regex)) {
                LOG.warning("An origin strategy's regex matches no origin until it is changed: " + e.getMessage()
                        + " The regex: " + regex);
            }
            return false;
        }
    }

    private static String describe(PatternSyntaxException e) {
        String description = e.getDescription();
        String near = e.getPattern();
        String construct = null;
        if (near.matches("\\\\[1-9k].*")) {
            construct = "a backreference (\\1, \\k<name>)";
        } else if (near.startsWith("(?=") || near.startsWith("(?!")) {
            construct = "lookahead ((?=...), (?!...))";
        } else if (near.startsWith("(?<=") || near.startsWith("(?<!")) {
            construct = "lookbehind ((?<=...), (?<!...))";
        } else if (near.startsWith("(?>")) {
            construct = "an atomic group ((?>...))";
        } else if (description.contains("nested repetition") && near.endsWith("+")) {
            construct = "a possessive quantifier (*+, ++, ?+)";
        } else if (description.contains("escape") || description.contains("Perl syntax")
                || description.contains("character class range") && near.startsWith("\\p")) {
            construct = near;
        }
        if (construct != null) {
            return "The regex uses " + construct + " (at `" + near + "`), which origin regexes cannot use: they run"
                    + " on RE2, a linear-time engine without backreferences, lookahead, lookbehind, atomic groups or"
                    + " possessive quantifiers. Write it without.";
        }
        return "The regex is not a valid regex for RE2 (the syntax of origin regexes): " + description + " at `"
                + near + "`.";
    }

    /**
     * An upper bound of the steps {@code regex} compiles to, with counted repetitions unrolled as
     * RE2 unrolls them ({@code x{n,m}} is m copies of x). Conservative: anything it does not
     * understand counts as a literal character, and {@code {n,m}} counts wherever it appears.
     */
    static long expandedSize(String regex) {
        Deque<long[]> groups = new ArrayDeque<>(); // {alternatives so far, this alternative}
        long[] current = {0, 0};
        long last = 0;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                last = 1;
            } else if (c == '[') {
                i = endOfClass(regex, i);
                last = 1;
            } else if (c == '(') {
                groups.push(current);
                current = new long[] {0, 0};
                i++;
                last = 0;
                continue;
            } else if (c == ')' && !groups.isEmpty()) {
                long group = current[0] + current[1] + 2;
                current = groups.pop();
                i++;
                last = group;
            } else if (c == '|') {
                current[0] = saturated(current[0] + current[1] + 1);
                current[1] = 0;
                i++;
                last = 0;
                continue;
            } else if (c == '*' || c == '+' || c == '?') {
                current[1] = saturated(current[1] + 1);
                i++;
                continue;
            } else if (c == '{') {
                Matcher count = COUNT.matcher(regex).region(i, regex.length());
                if (count.lookingAt()) {
                    long least = Long.parseLong(count.group(1));
                    long copies = count.group(2) == null ? least // {n}
                            : count.group(3).isEmpty() ? least + 1 // {n,}: n copies and a star
                            : Math.max(least, Long.parseLong(count.group(3))); // {n,m}
                    // the atom is there once already; the repetition adds the other copies
                    current[1] = saturated(current[1] + saturated(last * Math.max(copies - 1, 0)) + copies);
                    last = saturated(last * copies);
                    i = count.end();
                    continue;
                }
                i++;
                last = 1;
            } else {
                i++;
                last = 1;
            }
            current[1] = saturated(current[1] + last);
        }
        long total = current[0] + current[1];
        while (!groups.isEmpty()) {
            long[] outer = groups.pop();
            total = saturated(outer[0] + outer[1] + total);
        }
        return total;
    }

    private static long saturated(long value) {
        return value < 0 || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : value;
    }

    /** The index after the class that starts at {@code open}: its first {@code ]} that is not its first character. */
    private static int endOfClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            i += regex.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
