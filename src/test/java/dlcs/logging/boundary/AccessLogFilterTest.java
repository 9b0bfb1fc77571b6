package dlcs.logging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.logging.control.AccessLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter's line: what the rest of the chain answered, and nothing of the request's secrets. */
class AccessLogFilterTest {

    private final List<String> lines = new ArrayList<>();
    private final Logger logger = Logger.getLogger(AccessLog.LOGGER);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void oneLineWithTheStatusAndLengthAnsweredAndNoQueryOrHeader() throws Exception {
        Map<String, String> headers = Map.of("Content-Length", "5120");
        new AccessLogFilter().doFilter(request(), response(206, headers, false), (req, res) -> { });
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).matches("method=GET path=/iiif-img/2/1/a/full/max/0/default.jpg status=206 bytes=5120"
                + " ms=\\d+\\.\\d{3} client=192.0.2.9"), lines.get(0));
    }

    @Test
    void aFailureThatLeavesTheChainIsTheContainers500() {
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("bug");
        };
        assertThrows(IllegalStateException.class,
                () -> new AccessLogFilter().doFilter(request(), response(200, Map.of(), false), failing));
        assertTrue(lines.get(0).contains(" status=500 bytes=- "), lines.get(0));
    }

    @Test
    void theDeclaredLengthOrNone() {
        assertEquals(0, AccessLogFilter.bytes(response(304, Map.of("Content-Length", "99"), true), 304));
        assertEquals(12, AccessLogFilter.bytes(response(200, Map.of("Content-Length", "12"), true), 200));
        assertEquals(-1, AccessLogFilter.bytes(response(200, Map.of(), true), 200));
        assertEquals(-1, AccessLogFilter.bytes(response(200, Map.of("Content-Length", "1e3"), true), 200));
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(AccessLogFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> "/iiif-img/2/1/a/full/max/0/default.jpg";
                    case "getRemoteAddr" -> "192.0.2.9";
                    case "isAsyncStarted" -> false;
                    // what the filter must not read
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(int status, Map<String, String> headers, boolean committed) {
        return (HttpServletResponse) Proxy.newProxyInstance(AccessLogFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getStatus" -> status;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "isCommitted" -> committed;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
