package dlcs.common;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;

/**
 * The one way the server makes JSON builders and readers: through one {@link JsonProvider},
 * looked up once. {@code jakarta.json.Json}'s static methods look the provider up again on every
 * call, and inside WildFly that lookup is a {@code ServiceLoader} scan of the deployment's and
 * the modules' jars: measured on a listing of 100 images, it took more than half the request's
 * CPU (src/benchmark/scale.sh).
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder that starts with the members of {@code object}. */
    public static JsonObjectBuilder object(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** A builder that starts with {@code values}, as {@link jakarta.json.Json#createArrayBuilder(Collection)}. */
    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader reader(Reader json) {
        return PROVIDER.createReader(json);
    }

    public static JsonReader reader(InputStream json) {
        return PROVIDER.createReader(json);
    }
}
