package dlcs.logging.boundary;

import dlcs.logging.control.AccessLog;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the {@link AccessLog} line of every request, after the rest of the chain has answered
 * it. A plain servlet filter, so that WildFly and Payara log alike; registered, before every
 * other filter, by {@link AccessLogSwitch} only when the access log is on, so that with it off
 * the delivery servlets pass through no filter at all. The response is not wrapped: the bytes
 * are the length it declared (every delivery answer with a body declares it), which costs no
 * object per request. A request whose body is sent after the servlet has returned (an image's,
 * through the servlet's non-blocking output) is logged when that ends.
 */
public class AccessLogFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (failed || !request.isAsyncStarted() || !logWhenSent(request, response, start)) {
                log(request, response, start, failed);
            }
        }
    }

    private static void log(HttpServletRequest request, HttpServletResponse response, long start, boolean failed) {
        // an exception that leaves here becomes the container's 500, unless the answer was already on its way
        int status = failed && !response.isCommitted() ? 500 : response.getStatus();
        AccessLog.write(request.getMethod(), request.getRequestURI(), status, bytes(response, status),
                System.nanoTime() - start, request.getRemoteAddr());
    }

    /**
     * Logs the request once its asynchronous part has ended (completed, timed out or failed: the
     * container completes it in the end); false when it has ended already.
     */
    private static boolean logWhenSent(HttpServletRequest request, HttpServletResponse response, long start) {
        try {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    log(request, response, start, false);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
            return true;
        } catch (IllegalStateException completedMeanwhile) {
            return false;
        }
    }

    /** The body's declared length; 0 for the statuses that have none; -1 when unknown. */
    static long bytes(HttpServletResponse response, int status) {
        if (status == HttpServletResponse.SC_NOT_MODIFIED || status == HttpServletResponse.SC_NO_CONTENT) {
            return 0;
        }
        String length = response.getHeader("Content-Length");
        if (length == null || length.isEmpty() || length.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length.length(); i++) {
            char c = length.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
