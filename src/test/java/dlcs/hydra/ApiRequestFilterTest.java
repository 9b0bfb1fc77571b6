package dlcs.hydra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query string JAX-RS is given, and the headers it could not read. */
class ApiRequestFilterTest {

    @Test
    void theQueryIsEncodedAgainFromTheParametersAsTheClientMeantThem() {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("string1", new String[]{"MS 42"});
        parameters.put("tag", new String[]{"%"});
        parameters.put("string2", new String[]{"A&B+C=D"});
        parameters.put("q", new String[]{"{\"a\":'x'}", "second"});
        String query = ApiRequestFilter.encoded(request(parameters, null, Map.of()), "decoded by the container");
        assertEquals("string1=MS%2042&tag=%25&string2=A%26B%2BC%3DD&q=%7B%22a%22%3A%27x%27%7D&q=second", query);
        URI.create("http://localhost/?" + query);
    }

    @Test
    void aFormBodyIsNotReadForItsParameters() {
        HttpServletRequest form = request(Map.of("from", new String[]{"the body"}), "application/x-www-form-urlencoded",
                Map.of());
        assertEquals("a=x%20y%22&b=%25%7B%C3%A9%7D", ApiRequestFilter.encoded(form, "a=x y\"&b=%{é}"));
    }

    @Test
    void thePathIsEncodedAgainExceptForTheSlashesTheContainerLeftEscaped() {
        assertEquals("/customers/1/spaces/1/images/MS%2042%3Fx%3B%23%25%C3%A9%F0%9F%99%82%0A",
                ApiRequestFilter.encodedPath("/customers/1/spaces/1/images/MS 42?x;#%é🙂\n"));
        assertEquals("/a%2Fb%5cc/d~e(f)", ApiRequestFilter.encodedPath("/a%2Fb%5cc/d~e(f)"));
        URI.create("http://localhost" + ApiRequestFilter.encodedPath("/x[]{}|\"\u0000\uD800"));
    }

    @Test
    void contentTypesAndAcceptsThatAreNotMediaTypesAreNamed() {
        assertNull(ApiRequestFilter.unreadableHeader(request(Map.of(), "application/json; charset=UTF-8",
                Map.of("Accept", List.of("application/ld+json, */*;q=0.5", "text/html")))));
        assertTrue(ApiRequestFilter.unreadableHeader(request(Map.of(), "application", Map.of()))
                .startsWith("The Content-Type header 'application'"));
        assertTrue(ApiRequestFilter.unreadableHeader(request(Map.of(), null, Map.of("Accept", List.of("*/*;q=x"))))
                .startsWith("The Accept header '*/*;q=x'"));
        assertTrue(ApiRequestFilter.unreadableHeader(request(Map.of(), null, Map.of("Accept", List.of("text/html;q=7"))))
                .contains("Accept"));
        assertTrue(ApiRequestFilter.unreadableHeader(request(Map.of(), null,
                Map.of("Accept", List.of("application/json, ,")))).contains("Accept"));
        assertTrue(ApiRequestFilter.unreadableHeader(request(Map.of(), "multipart/form-data", Map.of()))
                .contains("boundary"));
        assertNull(ApiRequestFilter.unreadableHeader(request(Map.of(), "multipart/form-data; boundary=x1", Map.of())));
        assertTrue(ApiRequestFilter.unreadableHeader(request(Map.of(), "*/*", Map.of())).contains("names no one type"));
        assertTrue(ApiRequestFilter.unreadableHeader(request(Map.of(), "image/*", Map.of())).contains("names no one type"));
        assertTrue(ApiRequestFilter.unreadableHeader(request(Map.of(), null,
                Map.of("Accept-Language", List.of("en;q=0.5, gzip;q=x")))).startsWith("The Accept-Language header"));
        assertNull(ApiRequestFilter.unreadableHeader(request(Map.of(), null,
                Map.of("Accept-Language", List.of("en-GB,en;q=0.9"), "Accept-Encoding", List.of("gzip, br;q=1.0")))));
    }

    private static HttpServletRequest request(Map<String, String[]> parameters, String contentType,
                                              Map<String, List<String>> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ApiRequestFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameterMap" -> parameters;
                    case "getContentType" -> contentType;
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault((String) args[0], List.of()));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
