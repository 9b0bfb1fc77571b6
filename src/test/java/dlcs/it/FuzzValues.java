package dlcs.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Values the API fuzzer puts where a client's values go: text at and past every limit, unicode
 * that is hard to store or show, quotes, escapes and SQL, numbers out of every range, values of
 * the wrong JSON type and JSON nested deeper than parsers take. All drawn from one seeded Random.
 * None of them names a host to fetch: origins come from {@link ApiFuzzer}'s own short list.
 */
final class FuzzValues {

    /** Lengths around every column and rule of the API. */
    private static final int[] LENGTHS = {0, 1, 2, 36, 99, 100, 101, 199, 200, 201, 219, 220, 221, 299, 300, 499, 500,
        501, 999, 1000, 1001, 1999, 2000, 2001, 5000, 16_001, 70_000};

    private static final List<String> AWKWARD = List.of(
            "MS 42", "say \"hi\"", "' or 1=1--", "\"; drop table IMAGE; --", "%", "%25", "%%", "_", "\\", "\\\\u0000",
            "a,b", ",", "a&b=c+d", "?x=1#y", "../../etc/passwd", "..", ".", "/", "<script>alert(1)</script>",
            "{{7*7}}", "${7*7}", "é", "日本語の名前", "🙂🙃", "\u202Eevil", "a\u0301", "\u0000", "nul\u0000byte",
            "\uFEFFbom", "\uD800", "\uDFFF", "tab\there", "line\nbreak", "\r\n", " ", "   padded   ", "null", "true",
            "-1", "1e400", "NaN", "Infinity", "0x10", "[]", "{}", "xxx");

    private final Random random;

    FuzzValues(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Text of any kind: awkward, of a length around a limit, or random unicode. */
    String text() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(AWKWARD);
            case 1 -> ofLength(LENGTHS[random.nextInt(LENGTHS.length)]);
            case 2 -> unicode(1 + random.nextInt(40));
            default -> word() + pick(AWKWARD);
        };
    }

    /** Text that any rule of the API takes as a name or metadata: short, printable, no comma. */
    String plain() {
        return word() + "-" + random.nextInt(1_000_000);
    }

    String word() {
        StringBuilder word = new StringBuilder();
        int length = 3 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** {@code length} characters, mostly ASCII letters, now and then something awkward among them. */
    String ofLength(int length) {
        StringBuilder text = new StringBuilder(length);
        char fill = (char) ('a' + random.nextInt(26));
        while (text.length() < length) {
            text.append(chance(0.01) ? pick(AWKWARD) : String.valueOf(fill));
        }
        return text.substring(0, length);
    }

    /** Random code points from every plane, controls and unpaired surrogates included. */
    String unicode(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int c = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x60);
                case 2 -> 0x80 + random.nextInt(0x2000);
                case 3 -> 0xD800 + random.nextInt(0x800);
                default -> 0x10000 + random.nextInt(0x10000);
            };
            text.appendCodePoint(c);
        }
        return text.toString();
    }

    /** A JSON number out of some range: negative, past int and long, fractional, huge exponents. */
    JsonValue number() {
        return Json.createValue(new BigDecimal(pick(List.of("-1", "-2", "0", "2147483647", "2147483648", "-2147483649",
                "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551617", "1.5",
                "-0.0", "1e400", "1e-400", "-1e308", "123456789012345678901234567890", "1E+999999", "0.0000001"))));
    }

    /** Any JSON value: null, a boolean, a number, a string, an array, an object. */
    JsonValue anyValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 5 : 7)) {
            case 0 -> JsonValue.NULL;
            case 1 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case 2 -> number();
            case 3, 4 -> Json.createValue(text());
            case 5 -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(anyValue(depth + 1));
                }
                yield array.build();
            }
            default -> Json.createObjectBuilder().add(word(), anyValue(depth + 1)).build();
        };
    }

    /** A value of another JSON type than a string (or than an array of strings). */
    JsonValue notAString() {
        return switch (random.nextInt(5)) {
            case 0 -> number();
            case 1 -> JsonValue.TRUE;
            case 2 -> Json.createArrayBuilder().add(text()).build();
            case 3 -> Json.createObjectBuilder().add("value", text()).build();
            default -> Json.createValue(1);
        };
    }

    /** JSON text nested {@code depth} arrays or objects deep. */
    String nested(int depth) {
        boolean arrays = random.nextBoolean();
        return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    /** A list of tags: fine, empty, with a bad entry, or too long together. */
    JsonValue tags() {
        JsonArrayBuilder tags = Json.createArrayBuilder();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = random.nextInt(4); i > 0; i--) {
                    tags.add(plain());
                }
            }
            case 1 -> tags.add(text());
            case 2 -> {
                int count = 1 + random.nextInt(60);
                int length = 1 + random.nextInt(101);
                for (int i = 0; i < count; i++) {
                    tags.add(ofLength(length));
                }
            }
            default -> tags.add(plain()).add(JsonValue.NULL);
        }
        return tags.build();
    }

    /** A path segment from {@code id}: as it is, or escaped, dotted, lengthened, unicode. */
    String segment(String id) {
        return switch (random.nextInt(10)) {
            case 0 -> encode(text());
            case 1 -> id + "%2F" + word();
            case 2 -> pick(List.of("%2E", "%2E%2E", ".", "..", "%00", "%25", "%C3%A9", "%FF%FE", "%20", "~", "-", "_",
                    "%3B", ";x=1", "%5C", "%22", "%27"));
            case 3 -> id + encode(ofLength(random.nextInt(300)));
            case 4 -> encode(ofLength(LENGTHS[random.nextInt(LENGTHS.length - 2)]));
            case 5 -> pick(List.of("-1", "0", "2147483648", "99999999999999999999", "1e3", "0x1", "1.0", "+1"));
            case 6 -> encode(unicode(1 + random.nextInt(10)));
            case 7 -> id.toUpperCase();
            case 8 -> id + pick(List.of(".", "..", "%20", "%2F..", ".json", "/"));
            default -> id;
        };
    }

    /** A query parameter's value: anything, percent-encoded as a client would. */
    String queryValue() {
        return chance(0.15) ? pick(List.of("", "%25", "+", "%2B", "a%26b%3Dc", "%22%27", "%25ZZ", "%C3%28", "%00", "%FF"))
                : encode(text());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
