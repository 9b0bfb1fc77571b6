package dlcs.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dlcs.openapi.boundary.OpenApiServlet;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The API's OpenAPI document as the tests read it: parsed by swagger-parser, and its schemas
 * applied to JSON (an example, a real answer of the server) by a JSON Schema 2020-12 validator,
 * the dialect OpenAPI 3.1 schemas are written in. For unit and integration tests alike.
 */
public final class ApiDescription {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;

    private ApiDescription(JsonNode document) {
        this.document = document;
    }

    /** The document in the WAR, as {@link OpenApiServlet} reads it. */
    public static String packagedText() {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(OpenApiServlet.DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApiDescription packaged() {
        return fromJson(packagedText());
    }

    public static ApiDescription fromJson(String json) {
        try {
            return new ApiDescription(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} (JSON or YAML) read by swagger-parser, as a client generator would read it. */
    public static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    public JsonNode document() {
        return document;
    }

    /** What is wrong with {@code json} as an instance of the component schema {@code name}; empty when it fits. */
    public List<String> errors(String name, String json) {
        return errors(JSON.createObjectNode().put("$ref", "#/components/schemas/" + name), json);
    }

    /**
     * What is wrong with {@code json} as an instance of {@code schema}, a schema object of the
     * document (its {@code $ref}s point into the document's components); empty when it fits.
     */
    public List<String> errors(JsonNode schema, String json) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        schema.properties().forEach(member -> root.set(member.getKey(), member.getValue()));
        try {
            Schema compiled = SCHEMAS.getSchema(new ByteArrayInputStream(JSON.writeValueAsBytes(root)));
            return compiled.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as JSON text. */
    public static String text(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
