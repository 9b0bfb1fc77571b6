package dlcs.openapi.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON value written as block-style YAML, for people to read: the document's own JSON is the
 * one source, and this writer needs no YAML library in the WAR. Strings are plain where YAML
 * cannot read them as anything else, literal blocks ({@code |}) where they run over several
 * lines, and double-quoted otherwise, with every character that YAML treats specially escaped.
 */
final class Yaml {

    /** Text that a YAML 1.1 or 1.2 reader takes as a string when it is written plain. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$./+-]*");
    /** Plain words that YAML 1.1 readers take as booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null");

    private Yaml() {
    }

    static String of(JsonValue value) {
        StringBuilder out = new StringBuilder();
        if (isBlock(value)) {
            block(out, value, 0);
        } else {
            out.append(scalar(value)).append('\n');
        }
        return out.toString();
    }

    /** A non-empty object or array, each member on lines of its own at {@code indent}. */
    private static void block(StringBuilder out, JsonValue value, int indent) {
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                out.append(" ".repeat(indent)).append(string(member.getKey())).append(':');
                member(out, member.getValue(), indent);
            }
        } else {
            for (JsonValue item : (JsonArray) value) {
                out.append(" ".repeat(indent)).append('-');
                if (isBlock(item)) {
                    // "- key: value" with the item's later lines under its first
                    StringBuilder nested = new StringBuilder();
                    block(nested, item, indent + 2);
                    out.append(' ').append(nested, indent + 2, nested.length());
                } else {
                    member(out, item, indent);
                }
            }
        }
    }

    /** The rest of the line after {@code key:} or {@code -}, and the lines under it. */
    private static void member(StringBuilder out, JsonValue value, int indent) {
        if (isBlock(value)) {
            out.append('\n');
            block(out, value, indent + 2);
        } else if (value instanceof JsonString text && isLiteral(text.getString())) {
            String lines = text.getString();
            boolean endsInNewline = lines.endsWith("\n");
            out.append(endsInNewline ? " |\n" : " |-\n");
            for (String line : (endsInNewline ? lines.substring(0, lines.length() - 1) : lines).split("\n", -1)) {
                out.append(line.isEmpty() ? "" : " ".repeat(indent + 2) + line).append('\n');
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static boolean isBlock(JsonValue value) {
        return value instanceof JsonObject object && !object.isEmpty()
                || value instanceof JsonArray array && !array.isEmpty();
    }

    private static String scalar(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> string(((JsonString) value).getString());
            case OBJECT -> "{}";
            case ARRAY -> "[]";
            default -> value.toString(); // numbers, true, false, null: the same in YAML
        };
    }

    /**
     * Text over several lines that a literal block keeps exactly: its first line not empty and not
     * indented (the block's indentation is read from it), at most one newline at its end, and
     * nothing that a block must not hold.
     */
    private static boolean isLiteral(String text) {
        if (!text.contains("\n") || text.startsWith(" ") || text.startsWith("\n") || text.endsWith("\n\n")) {
            return false;
        }
        return text.chars().allMatch(c -> c == '\n' || !needsEscape(c));
    }

    /** {@code text} plain if it can only be read as this string, double-quoted otherwise. */
    static String string(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.append((char) c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /**
     * Characters that YAML does not let stand for themselves: controls (also C1, which YAML 1.1
     * reads as line breaks), the Unicode line and paragraph separators and the byte-order mark.
     */
    private static boolean needsEscape(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0xfeff;
    }
}
