package dlcs.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dlcs.DlcsApplication;
import dlcs.openapi.ServedOperations.Key;
import dlcs.openapi.ServedOperations.Served;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API's OpenAPI document (src/main/resources/dlcs/openapi/openapi.json) read by a standard
 * parser, and held to the code: every operation of every JAX-RS resource is described, with the
 * parameters and body types it really takes, nothing is described that the code does not serve,
 * every answer has its schema, and every example fits its schema. Adding a resource method
 * without describing it fails here.
 */
class OpenApiDocumentTest {

    private static final SwaggerParseResult PARSED = ApiDescription.parse(ApiDescription.packagedText());
    private static final List<Class<?>> RESOURCES = findResources();

    @Test
    void aStandardParserReadsItAsOpenApi31WithoutAComplaint() {
        assertEquals(List.of(), messages(PARSED));
        assertNotNull(PARSED.getOpenAPI());
        assertTrue(PARSED.getOpenAPI().getOpenapi().startsWith("3.1."), PARSED.getOpenAPI().getOpenapi());
    }

    @Test
    void everyResourceMethodIsDescribedAndNothingElse() {
        Map<Key, Served> served = served(resourceClasses());
        assertTrue(served.size() > 50, "found only " + served.size() + " operations: " + served.keySet());
        assertEquals(List.of(), new DescriptionCheck(api()).differences(served));
    }

    @Test
    void aResourceMethodAddedWithoutDescriptionFailsTheCheck() {
        List<Class<?>> resources = new ArrayList<>(resourceClasses());
        resources.add(UndescribedResource.class);
        List<String> differences = new DescriptionCheck(api()).differences(served(resources));
        assertEquals(1, differences.size(), differences.toString());
        assertTrue(differences.get(0).startsWith("get /customers/{customer}/undescribed (UndescribedResource.list)"),
                differences.get(0));
    }

    @Test
    void aDescribedPathTheCodeDoesNotServeFailsTheCheck() {
        List<Class<?>> resources = resourceClasses().stream()
                .filter(resource -> !resource.getSimpleName().equals("ThumbnailPoliciesResource")).toList();
        assertEquals(List.of("get /thumbnailPolicies is in the OpenAPI document, but no resource method serves it."),
                new DescriptionCheck(api()).differences(served(resources)));
    }

    @Test
    void everyAnswerHasItsSchemaOrNoBodyAndEveryErrorTheErrorShape() {
        assertEquals(List.of(), new DescriptionCheck(api()).ruleBreaches());
    }

    @Test
    void everyExampleFitsItsSchema() {
        ApiDescription description = ApiDescription.packaged();
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        examples(description.document(), "", (where, schema, example) -> {
            checked[0]++;
            description.errors(schema, ApiDescription.text(example)).forEach(error -> problems.add(where + ": " + error));
        });
        assertTrue(checked[0] >= 30, "only " + checked[0] + " examples found");
        assertEquals(List.of(), problems);
    }

    @Test
    void theSchemaCheckFindsAnExampleThatDoesNotFit() {
        ApiDescription description = ApiDescription.packaged();
        assertFalse(description.errors("Customer", "{\"@context\":\"x\",\"@id\":\"https://a.org/customers/2\",\"@type\":"
                + "\"Customer\",\"id\":\"two\"}").isEmpty());
        assertFalse(description.errors("Error", "{\"status\":400}").isEmpty());
    }

    /** Calls {@code found} with each object of the document that has a {@code schema} and an example of it. */
    private static void examples(JsonNode node, String where, ExampleConsumer found) {
        if (node.isObject()) {
            JsonNode schema = node.get("schema");
            if (schema != null && node.has("example")) {
                found.accept(where, schema, node.get("example"));
            }
            if (schema != null && node.has("examples")) {
                node.get("examples").properties().forEach(named ->
                        found.accept(where + "/examples/" + named.getKey(), schema, named.getValue().get("value")));
            }
            node.properties().forEach(member -> examples(member.getValue(), where + "/" + member.getKey(), found));
        } else if (node.isArray()) {
            Iterator<JsonNode> items = node.elements();
            for (int i = 0; items.hasNext(); i++) {
                examples(items.next(), where + "/" + i, found);
            }
        }
    }

    @FunctionalInterface
    private interface ExampleConsumer {
        void accept(String where, JsonNode schema, JsonNode example);
    }

    private static OpenAPI api() {
        return PARSED.getOpenAPI();
    }

    private static List<String> messages(SwaggerParseResult result) {
        return result.getMessages() == null ? List.of() : result.getMessages();
    }

    private static Map<Key, Served> served(List<Class<?>> resources) {
        return ServedOperations.of(resources, ServedOperations.applicationPath(DlcsApplication.class));
    }

    /**
     * Every class of the application with a {@code @Path}: its JAX-RS root resources, found among
     * the compiled classes (target/classes) as the server's scan finds them.
     */
    static List<Class<?>> resourceClasses() {
        return RESOURCES;
    }

    private static List<Class<?>> findResources() {
        try {
            java.nio.file.Path classes = java.nio.file.Path.of(
                    DlcsApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
                List<Class<?>> found = new ArrayList<>();
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace(File.separatorChar, '.')
                            .replaceFirst("\\.class$", "");
                    Class<?> type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        found.add(type);
                    }
                }
                return found;
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot list the application's classes", e);
        }
    }

    /** A resource as a developer might add it, without describing it. */
    @Path("customers/{customer}/undescribed")
    public static class UndescribedResource {

        @GET
        public String list(@PathParam("customer") String customer, @QueryParam("page") String page) {
            return "";
        }
    }
}
