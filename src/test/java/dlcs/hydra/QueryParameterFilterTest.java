package dlcs.hydra;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.common.InvalidInputException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which query parameters a resource method accepts, and the 400 for any other. */
class QueryParameterFilterTest {

    static class Listing {
        @QueryParam("q")
        String q;
        @QueryParam("page")
        String page;
        String notAParameter;
    }

    @QueryParameters("debug")
    static class Resource {

        @QueryParam("fromField")
        String fromField;

        public void list(@PathParam("customer") String customer, @QueryParam("status") String status,
                         @QueryParam("id") List<String> ids, @BeanParam Listing listing) {
        }

        @QueryParameters({"string1", "number1"})
        public void readsUriInfo() {
        }
    }

    static class Plain {
        public void get(@PathParam("id") String id) {
        }
    }

    @Test
    void aMethodAcceptsItsQueryParamsItsBeanParamsFieldsItsClassFieldsAndWhatItLists() throws Exception {
        assertEquals(List.of("status", "id", "q", "page", "fromField", "debug"),
                List.copyOf(accepted(Resource.class, "list").keySet()));
        assertEquals(List.of("fromField", "debug", "string1", "number1"),
                List.copyOf(accepted(Resource.class, "readsUriInfo").keySet()));
        assertEquals(Map.of(), accepted(Plain.class, "get"));
    }

    @Test
    void knownParametersPass() throws Exception {
        Map<String, Boolean> accepted = accepted(Resource.class, "list");
        assertDoesNotThrow(() -> QueryParameterFilter.check(accepted,
                Map.of("q", List.of("{}"), "page", List.of("2"), "id", List.of("a", "b")), "GET /x"));
        assertDoesNotThrow(() -> QueryParameterFilter.check(accepted, Map.of(), "GET /x"));
    }

    @Test
    void anUnknownParameterIsA400NamingItAndTheAcceptedOnes() throws Exception {
        String message = refused(accepted(Resource.class, "list"), Map.of("pagesize", List.of("5")));
        assertTrue(message.contains("'pagesize'"), message);
        assertTrue(message.contains("GET /x accepts status, id, q, page, fromField, debug."), message);
        String none = refused(accepted(Plain.class, "get"), Map.of("x\n", List.of("")));
        assertTrue(none.contains("'x?'") && none.contains("takes no query parameters"), none);
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRefused() throws Exception {
        String message = refused(accepted(Resource.class, "list"), Map.of("status", List.of("error", "completed")));
        assertTrue(message.contains("'status' is given 2 times"), message);
    }

    private static String refused(Map<String, Boolean> accepted, Map<String, List<String>> given) {
        return assertThrows(InvalidInputException.class, () -> QueryParameterFilter.check(accepted, given, "GET /x"))
                .getMessage();
    }

    private static Map<String, Boolean> accepted(Class<?> type, String name) {
        Method method = List.of(type.getMethods()).stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        return QueryParameterFilter.accepted(type, method);
    }
}
