package dlcs.origin.control;

import dlcs.common.InvalidInputException;
import dlcs.common.Jsons;
import dlcs.origin.entity.Strategy;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials of a customer origin strategy, checked against what its strategy needs. They
 * never appear in a message, a log line or a {@link #toString()}: errors name fields, not values.
 */
public final class OriginCredentials {

    /**
     * The most bytes the credentials may take as JSON (UTF-8). Encrypted and in Base64 they take
     * about a third more, which {@code CustomerOriginStrategy.CREDENTIALS_LENGTH} holds.
     */
    public static final int MAX_JSON_BYTES = 10_000;

    private final Strategy strategy;
    private final Map<String, String> fields;

    private OriginCredentials(Strategy strategy, Map<String, String> fields) {
        this.strategy = strategy;
        this.fields = fields;
    }

    /** None, for strategies that take none. */
    public static OriginCredentials none(Strategy strategy) {
        return new OriginCredentials(strategy, Map.of());
    }

    /**
     * The credentials given for {@code strategy}: a JSON object, or a string holding one (as the
     * DLCS takes them). Fields it does not know, missing fields and malformed values are 400s.
     */
    public static OriginCredentials parse(Strategy strategy, JsonValue given) {
        JsonObject object = asObject(strategy, given);
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> known = new ArrayList<>(strategy.requiredFields());
        known.addAll(strategy.optionalFields());
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            if (!known.contains(field.getKey())) {
                throw new InvalidInputException("The credentials of strategy '" + strategy.label() + "' have no field '"
                        + field.getKey() + "'; " + expected(strategy));
            }
            JsonValue value = field.getValue();
            String text = switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case TRUE -> "true";
                case FALSE -> "false";
                default -> throw new InvalidInputException("The credential field '" + field.getKey()
                        + "' must be a string.");
            };
            fields.put(field.getKey(), text);
        }
        for (String required : strategy.requiredFields()) {
            if (fields.getOrDefault(required, "").isEmpty()) {
                throw new InvalidInputException("The credentials of strategy '" + strategy.label() + "' need '"
                        + required + "'; " + expected(strategy));
            }
        }
        OriginCredentials credentials = new OriginCredentials(strategy, Collections.unmodifiableMap(fields));
        credentials.checkValues();
        int size = credentials.toJson().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_JSON_BYTES) {
            throw new InvalidInputException("credentials take " + size + " bytes as JSON; at most " + MAX_JSON_BYTES
                    + " are allowed.");
        }
        return credentials;
    }

    /** Read back from storage (already checked when stored). */
    static OriginCredentials stored(Strategy strategy, String json) {
        JsonObject object = Jsons.reader(new StringReader(json)).readObject();
        Map<String, String> fields = new LinkedHashMap<>();
        object.forEach((name, value) -> fields.put(name, ((JsonString) value).getString()));
        return new OriginCredentials(strategy, Collections.unmodifiableMap(fields));
    }

    /** As JSON text, to be encrypted for storage. */
    String toJson() {
        JsonObjectBuilder json = Jsons.object();
        fields.forEach(json::add);
        return json.build().toString();
    }

    public Strategy strategy() {
        return strategy;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public String user() {
        return fields.get("user");
    }

    public String password() {
        return fields.get("password");
    }

    public String accessKey() {
        return fields.get("accessKey");
    }

    public String secretKey() {
        return fields.get("secretKey");
    }

    public String privateKey() {
        return fields.get("privateKey");
    }

    public String passphrase() {
        return fields.get("passphrase");
    }

    /** The SFTP server's public key as a known_hosts line has it ("ssh-ed25519 AAAA..."): pins the server. */
    public String hostKey() {
        return fields.get("hostKey");
    }

    public String endpoint() {
        return fields.get("endpoint");
    }

    public String region() {
        return fields.get("region");
    }

    /** Path-style S3 addressing, when the credentials say so. */
    public Boolean pathStyle() {
        String value = fields.get("pathStyle");
        return value == null ? null : Boolean.valueOf(value);
    }

    @Override
    public String toString() {
        return "credentials of " + strategy.label() + " (hidden)";
    }

    private void checkValues() {
        if (strategy == Strategy.SFTP) {
            if (password() == null && privateKey() == null) {
                throw new InvalidInputException("The credentials of strategy 'sftp' need 'password' or 'privateKey'; "
                        + expected(strategy));
            }
            if (hostKey() != null && !hostKey().trim().matches("[A-Za-z0-9@.-]+ [A-Za-z0-9+/]{40,}=*( .*)?")) {
                throw new InvalidInputException("The credential 'hostKey' must be the server's public key as in"
                        + " known_hosts or ssh-keyscan: its type and its Base64 key, such as \"ssh-ed25519 AAAAC3...\".");
            }
            if (privateKey() != null && !privateKey().contains("-----BEGIN ")) {
                throw new InvalidInputException("The credential 'privateKey' must be a private key in PEM or OpenSSH"
                        + " form (the text from -----BEGIN ... to -----END ..., newlines kept as \\n).");
            }
        }
        String pathStyle = fields.get("pathStyle");
        if (pathStyle != null && !pathStyle.equals("true") && !pathStyle.equals("false")) {
            throw new InvalidInputException("The credential 'pathStyle' must be true or false.");
        }
        if (endpoint() != null) {
            URI uri;
            try {
                uri = URI.create(endpoint());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new InvalidInputException("The credential 'endpoint' must be an http or https URL of an S3"
                        + " service, such as https://s3.eu-west-2.amazonaws.com.");
            }
        }
    }

    private static JsonObject asObject(Strategy strategy, JsonValue given) {
        if (given instanceof JsonObject object) {
            return object;
        }
        if (given instanceof JsonString text) {
            try {
                return Jsons.reader(new StringReader(text.getString())).readObject();
            } catch (RuntimeException e) {
                throw new InvalidInputException("The credentials are a string but not a JSON object in one; "
                        + expected(strategy));
            }
        }
        throw new InvalidInputException("The credentials must be a JSON object; " + expected(strategy));
    }

    private static String expected(Strategy strategy) {
        StringBuilder text = new StringBuilder("strategy '" + strategy.label() + "' takes {");
        List<String> parts = new ArrayList<>();
        strategy.requiredFields().forEach(field -> parts.add("\"" + field + "\": \"...\""));
        strategy.optionalFields().forEach(field -> parts.add("\"" + field + "\" (optional)"));
        return text.append(String.join(", ", parts)).append("}.").toString();
    }
}
