package dlcs.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP origin on 127.0.0.1 (the JDK's HttpServer), serving what a test puts in it:
 * images, HTML, errors, truncated bodies, stalls.
 */
public final class TestOrigin implements AutoCloseable {

    /** How a path answers. */
    public sealed interface Answer {
    }

    public record Bytes(String contentType, byte[] body) implements Answer {
    }

    public record Status(int code) implements Answer {
    }

    /** Announces {@code announced} bytes, sends {@code body}, and closes. */
    public record CutShort(byte[] body, int announced) implements Answer {
    }

    /** Sends headers, then nothing for {@code millis}. */
    public record Stall(long millis) implements Answer {
    }

    public record Redirect(String location) implements Answer {
    }

    /** Answers {@code failure} the first {@code failures} times, then {@code then}. */
    public record Flaky(int failures, Answer failure, Answer then) implements Answer {
    }

    /** Answers {@code then} to requests with these HTTP Basic credentials, 401 to others. */
    public record Protected(String user, String password, Answer then) implements Answer {
    }

    /** Waits {@code millis}, then answers {@code then}. */
    public record Slow(long millis, Answer then) implements Answer {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public TestOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String serve(String path, Answer answer) {
        answers.put(path, answer);
        return url(path);
    }

    public String serveImage(String path, String contentType, byte[] body) {
        return serve(path, new Bytes(contentType, body));
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    public void remove(String path) {
        answers.remove(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.getOrDefault(path, new Status(404));
        int hit = hits.get(path).get();
        try (exchange) {
            if (answer instanceof Protected guarded) {
                String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (guarded.user() + ":" + guarded.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"origin\"");
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                answer = guarded.then();
            }
            while (answer instanceof Flaky || answer instanceof Slow) {
                if (answer instanceof Flaky flaky) {
                    answer = hit <= flaky.failures() ? flaky.failure() : flaky.then();
                } else if (answer instanceof Slow slow) {
                    Thread.sleep(slow.millis());
                    answer = slow.then();
                }
            }
            if (answer instanceof Bytes bytes) {
                exchange.getResponseHeaders().set("Content-Type", bytes.contentType());
                exchange.sendResponseHeaders(200, bytes.body().length);
                exchange.getResponseBody().write(bytes.body());
            } else if (answer instanceof Status status) {
                exchange.sendResponseHeaders(status.code(), -1);
            } else if (answer instanceof CutShort cut) {
                exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, cut.announced());
                OutputStream out = exchange.getResponseBody();
                out.write(cut.body());
                out.flush();
            } else if (answer instanceof Stall stall) {
                exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().flush();
                Thread.sleep(stall.millis());
            } else if (answer instanceof Redirect redirect) {
                exchange.getResponseHeaders().set("Location", redirect.location());
                exchange.sendResponseHeaders(302, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: fine for stalls and cut-short bodies
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
