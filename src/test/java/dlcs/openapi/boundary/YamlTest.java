package dlcs.openapi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dlcs.common.Jsons;
import dlcs.openapi.ApiDescription;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The YAML the servlet writes reads back, with a standard YAML reader, as the JSON it was made from. */
class YamlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theWholeDocumentReadsBackAsItsJson() throws IOException {
        String json = ApiDescription.packagedText();
        assertEquals(JSON.readTree(json), YAML.readTree(Yaml.of(read(json))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "yes", "No", "null", "~", "true", "123", "1.5", "0x1F", "1e3", "-", "- x",
            "a: b", "a #b", "#x", "@context", "$ref", "&anchor", "*alias", "!tag", "%d", "|", ">", "'q'", "\"dq\"",
            "  leading", "trailing  ", "two\nlines", "ends\n", "ends twice\n\n", "\nstarts", "  indented\nnext",
            "tab\there", "a\n  b\n\nc", "line\n   \nspaces only", "é ü 中 😀", "\u0085nel", "\u2028sep", "bom\ufeff",
            "ctl\u0001", "back\\slash", "{braces}", "[brackets]", "comma, here", "2026-11-30T09:00:00Z", "<<",
            "/customers/{customer}", "image/*", "application/ld+json", "!1024,1024", "^https://a\\.b/"})
    void aStringReadsBackAsItself(String text) throws IOException {
        JsonObject value = Jsons.object().add(text, Jsons.object().add("k", text).add("list",
                Jsons.array().add(text).add(Jsons.object().add("k", text).add("n", 1))).build()).build();
        String written = Yaml.of(value);
        assertEquals(JSON.readTree(value.toString()), YAML.readTree(written), written);
    }

    @Test
    void emptyContainersAndScalarsKeepTheirType() throws IOException {
        JsonObject value = read("{\"o\":{},\"a\":[],\"n\":-1,\"d\":0.25,\"t\":true,\"f\":false,\"z\":null,"
                + "\"nested\":[[1,2],[],[{\"x\":[]}]]}");
        JsonNode back = YAML.readTree(Yaml.of(value));
        assertEquals(JSON.readTree(value.toString()), back);
        assertEquals(List.of(true, true), List.of(back.get("o").isObject(), back.get("a").isArray()));
    }

    @Test
    void aScalarDocumentIsOneLine() {
        assertEquals("\"yes\"\n", Yaml.of(Jsons.array().add("yes").build().get(0)));
        assertEquals("null\n", Yaml.of(JsonValue.NULL));
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Jsons.reader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
