package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dlcs.openapi.ApiDescription;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The API's description as the running server serves it at {@code /openapi}: YAML by default
 * and JSON on request, the same document either way, read without a complaint by a standard
 * parser, naming this server; and real answers of the server (a customer made, a space, an
 * image listing, errors) fit the schemas it describes for them.
 */
class OpenApiIT extends ServerTest {

    @Test
    void theDescriptionIsServedInYamlAndJsonAndNamesThisServer() throws IOException {
        Api anonymous = Api.anonymous(base);
        Response yaml = anonymous.get("/openapi");
        assertEquals(200, yaml.getStatus());
        assertTrue(yaml.getHeaderString("Content-Type").startsWith("application/yaml"), yaml.getHeaderString("Content-Type"));
        assertEquals("nosniff", yaml.getHeaderString("X-Content-Type-Options"));
        assertEquals("*", yaml.getHeaderString("Access-Control-Allow-Origin"));
        String yamlText = yaml.readEntity(String.class);

        Response json = anonymous.get("/openapi?format=JSON");
        assertTrue(json.getHeaderString("Content-Type").startsWith("application/json"), json.getHeaderString("Content-Type"));
        String jsonText = json.readEntity(String.class);
        Response accepted = anonymous.request("/openapi").accept("application/json").get();
        assertTrue(accepted.getHeaderString("Content-Type").startsWith("application/json"));
        assertEquals(jsonText, accepted.readEntity(String.class));
        assertEquals(new ObjectMapper().readTree(jsonText), new YAMLMapper().readTree(yamlText));

        for (String text : List.of(yamlText, jsonText)) {
            SwaggerParseResult parsed = ApiDescription.parse(text);
            assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages());
            OpenAPI api = parsed.getOpenAPI();
            assertTrue(api.getOpenapi().startsWith("3.1."), api.getOpenapi());
            assertEquals(base.toString().replaceFirst("/$", ""), api.getServers().get(0).getUrl());
        }
    }

    @Test
    void aBadFormatIsRefusedInTheErrorShape() {
        Response refused = Api.anonymous(base).get("/openapi?format=xml");
        assertEquals(400, refused.getStatus());
        assertEquals(List.of(), served().errors("Error", refused.readEntity(String.class)));
    }

    @Test
    void realAnswersFitTheDescribedSchemas() throws IOException {
        ApiDescription description = served();
        Api admin = Api.admin(base);
        Response created = admin.post("/customers", "{\"name\":\"oa-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        assertEquals(201, created.getStatus());
        String customer = created.readEntity(String.class);
        assertEquals(List.of(), description.errors("Customer", customer));
        long id = new ObjectMapper().readTree(customer).get("id").asLong();

        Response space = admin.post("/customers/" + id + "/spaces", "{\"name\":\"described\"}");
        assertEquals(201, space.getStatus());
        assertEquals(List.of(), description.errors("Space", space.readEntity(String.class)));
        assertEquals(List.of(), description.errors("ImageCollection",
                admin.get("/customers/" + id + "/spaces/1/images?pageSize=2").readEntity(String.class)));
        assertEquals(List.of(), description.errors("CustomerQueue", admin.get("/customers/" + id + "/queue").readEntity(String.class)));
        assertEquals(List.of(), description.errors("EntryPoint", Api.anonymous(base).get("/").readEntity(String.class)));

        Response misspelt = admin.get("/customers/" + id + "/spaces?pagesize=5");
        assertEquals(400, misspelt.getStatus());
        assertEquals(List.of(), description.errors("Error", misspelt.readEntity(String.class)));
        Response unknown = admin.get("/customers/" + id + "/spaces/1/images/no-such-image");
        assertEquals(404, unknown.getStatus());
        assertEquals(List.of(), description.errors("Error", unknown.readEntity(String.class)));
        Response anonymous = Api.anonymous(base).get("/customers");
        assertEquals(401, anonymous.getStatus());
        assertEquals(List.of(), description.errors("Error", anonymous.readEntity(String.class)));
    }

    @Test
    void thePortalLinksToTheDescription() {
        String page = Api.anonymous(base).get("/portal/").readEntity(String.class);
        assertTrue(page.contains("href=\"../openapi"), page);
    }

    /** The description the server serves (not the one in the build), to check its answers against. */
    private ApiDescription served() {
        return ApiDescription.fromJson(Api.anonymous(base).get("/openapi?format=JSON").readEntity(String.class));
    }
}
