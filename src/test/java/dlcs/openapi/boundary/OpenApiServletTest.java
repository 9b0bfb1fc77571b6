package dlcs.openapi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which form of the document a request gets: MicroProfile OpenAPI's rules (YAML unless asked for JSON). */
class OpenApiServletTest {

    @ParameterizedTest(name = "format={0}, Accept: {1} -> JSON {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "NONE | NONE | false",
        "JSON | NONE | true",
        "json | NONE | true",
        "YAML | application/json | false",
        "JSON | application/yaml | true",
        "NONE | application/json | true",
        "NONE | application/yaml | false",
        "NONE | text/yaml | false",
        "NONE | */* | false",
        "NONE | text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | false",
        "NONE | 'application/json, text/plain, */*' | true",
        "NONE | application/json;q=0.5, application/yaml | false",
        "NONE | application/yaml;q=0.5, application/json | true",
        "NONE | application/*, application/json;q=0 | false",
        "NONE | application/json;q=nonsense, */* | false",
        "NONE | image/png | false",
        "NONE | garbage | false",
    })
    void theFormatIsChosenAsMicroProfileOpenApiChoosesIt(String format, String accept, boolean json) {
        assertEquals(json, OpenApiServlet.wantsJson(format, accept));
    }
}
