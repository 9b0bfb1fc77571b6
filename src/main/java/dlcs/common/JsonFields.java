package dlcs.common;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of optional fields from a JSON body, each failing with a message that names the
 * field and the type expected. Unknown fields are ignored: clients send back what they read.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** The body parsed as a JSON object; malformed JSON or another JSON type is a 400 that says so. */
    public static JsonObject requireObject(InputStream body) {
        return requireObject(body, "The request body");
    }

    /**
     * {@code json} parsed as a JSON object; {@code what} ("The request body", "The 'metadata'
     * part") names it in the 400 that malformed JSON, JSON nested too deeply or another JSON
     * type gets. A {@link ClientError} from reading it (a body over its size limit) goes as it is.
     */
    public static JsonObject requireObject(InputStream json, String what) {
        try (JsonReader reader = Jsons.reader(json)) {
            return requireObject(reader.readValue(), what);
        } catch (JsonParsingException e) {
            throw new InvalidInputException(what + " is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw new InvalidInputException(what + " must be a JSON object; it is empty or unreadable.");
        } catch (ClientError e) {
            throw e;
        } catch (RuntimeException e) {
            // the parser refuses input nested too deeply (over 1,000 levels) with a bare RuntimeException
            throw new InvalidInputException(what + " could not be read as JSON: " + e.getMessage() + ".");
        }
    }

    public static JsonObject requireObject(JsonValue body) {
        return requireObject(body, "The request body");
    }

    private static JsonObject requireObject(JsonValue json, String what) {
        if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(what + " must be a JSON object.");
        }
        return json.asJsonObject();
    }

    public static String string(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw wrongType(field, "a string", value);
    }

    public static Long wholeNumber(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidInputException(field + " is too large.");
            }
        }
        throw wrongType(field, "a whole number", value);
    }

    public static Integer integer(JsonObject object, String field) {
        Long value = wholeNumber(object, field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidInputException(field + " is out of range.");
        }
        return value.intValue();
    }

    public static List<String> strings(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(field, "an array of strings", value);
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw wrongType(field, "an array of strings", value);
            }
            strings.add(text.getString());
        }
        return strings;
    }

    private static InvalidInputException wrongType(String field, String expected, JsonValue value) {
        String shown = value.toString();
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return new InvalidInputException(field + " must be " + expected + ", not " + shown + ".");
    }
}
