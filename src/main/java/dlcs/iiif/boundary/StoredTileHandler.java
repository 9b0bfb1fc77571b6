package dlcs.iiif.boundary;

import dlcs.hydra.PublicBase;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Stored tiles answered on Undertow's I/O thread (WildFly), the one class that knows Undertow.
 * A servlet always runs on a worker thread: each request is handed from the I/O thread to a
 * worker and the connection handed back, a selector wake-up per exchange, and the I/O thread
 * spins while the worker finishes; measured on 2 cores, a servlet that only writes a constant
 * 7 KB body answered half as many requests as lighttpd sends static files. This handler runs
 * ahead of the servlets (an Undertow {@link ServletExtension}, found through
 * {@code META-INF/services}) and sends a tile that {@link StoredTiles} finds from memory and a
 * local file, as a static file server does, with the servlet's headers, access log line and
 * figures; anything else, and everything until {@link ImageServiceServlet} has started, passes
 * on to the servlets. Other containers (Payara) never load this class: the servlet answers all.
 */
public final class StoredTileHandler implements ServletExtension {

    private static final HttpString[] CORS_NAMES = new HttpString[Responses.CORS.size() / 2];
    private static final HttpString LINK = new HttpString("Link");

    static {
        for (int i = 0; i < CORS_NAMES.length; i++) {
            CORS_NAMES[i] = new HttpString(Responses.CORS.get(2 * i));
        }
    }

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new Handler(next, context, deployment.getClassLoader()));
    }

    /** Tells a tile request from everything else and answers it, or passes it on. */
    private static final class Handler implements HttpHandler {

        private final HttpHandler next;
        private final ServletContext context;
        private final ClassLoader application;
        private final String prefix;
        /** Where the image service's path starts in a request URI: after the context path. */
        private final int mount;
        private volatile StoredTiles tiles;

        Handler(HttpHandler next, ServletContext context, ClassLoader application) {
            this.next = next;
            this.context = context;
            this.application = application;
            this.prefix = context.getContextPath() + StoredTiles.MOUNT + "/";
            this.mount = context.getContextPath().length();
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            StoredTiles found = tiles();
            String uri = exchange.getRequestURI();
            if (found == null || !exchange.isInIoThread() || !candidate(exchange, uri)) {
                next.handleRequest(exchange);
                return;
            }
            long start = System.nanoTime();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(application);
            StoredTiles.Tile tile;
            try {
                tile = found.find(uri, mount, new Request(exchange, context));
            } finally {
                thread.setContextClassLoader(previous);
            }
            if (tile == null) {
                next.handleRequest(exchange);
                return;
            }
            HeaderMap headers = exchange.getResponseHeaders();
            for (int i = 0; i < CORS_NAMES.length; i++) {
                headers.put(CORS_NAMES[i], Responses.CORS.get(2 * i + 1));
            }
            headers.put(Headers.CONTENT_TYPE, "image/jpeg");
            headers.put(Headers.CONTENT_LENGTH, tile.body().length);
            headers.put(Headers.LAST_MODIFIED, tile.lastModified());
            headers.put(Headers.ETAG, tile.etag());
            headers.put(Headers.CACHE_CONTROL, tile.cacheControl());
            headers.put(LINK, tile.link());
            exchange.getResponseSender().send(ByteBuffer.wrap(tile.body()), new IoCallback() {
                @Override
                public void onComplete(HttpServerExchange done, Sender sender) {
                    found.answered("GET", uri, 200, tile.body().length, System.nanoTime() - start, client(done));
                    IoCallback.END_EXCHANGE.onComplete(done, sender);
                }

                @Override
                public void onException(HttpServerExchange failed, Sender sender, IOException e) {
                    // the client went away: logged as the servlet path logs an answer cut short
                    found.answered("GET", uri, 200, tile.body().length, System.nanoTime() - start, client(failed));
                    IoCallback.END_EXCHANGE.onException(failed, sender, e);
                }
            });
        }

        /** The bean, once the image service has started and handed it over (ImageServiceServlet#init). */
        private StoredTiles tiles() {
            StoredTiles known = tiles;
            if (known == null) {
                known = (StoredTiles) context.getAttribute(StoredTiles.class.getName());
                tiles = known;
            }
            return known;
        }

        /**
         * A plain GET under the image service, with nothing the servlet would answer otherwise:
         * no body, no condition, no escape, dot segment or path parameter in its path (the servlet
         * decodes and normalises those).
         */
        private boolean candidate(HttpServerExchange exchange, String uri) {
            if (!exchange.getRequestMethod().equals(Methods.GET) || !uri.startsWith(prefix)
                    || exchange.isHostIncludedInRequestURI()) {
                return false;
            }
            HeaderMap request = exchange.getRequestHeaders();
            if (request.contains(Headers.IF_NONE_MATCH) || request.contains(Headers.IF_MODIFIED_SINCE)
                    || request.contains(Headers.TRANSFER_ENCODING)
                    || request.contains(Headers.CONTENT_LENGTH) && !"0".equals(request.getFirst(Headers.CONTENT_LENGTH))) {
                return false;
            }
            for (int i = prefix.length(); i < uri.length(); i++) {
                char c = uri.charAt(i);
                boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || c == ',' || c == '-' || c == '_' || c == '!' || c == ':' || c == '^'
                        || c == '.' && uri.charAt(i - 1) != '/' || c == '/' && uri.charAt(i - 1) != '/';
                if (!plain) {
                    return false;
                }
            }
            return true;
        }

        private static String client(HttpServerExchange exchange) {
            return exchange.getSourceAddress().getAddress().getHostAddress();
        }
    }

    /** The request as {@link PublicBase} reads it, as the servlet API would show it. */
    private record Request(HttpServerExchange exchange, ServletContext context) implements PublicBase.Request {

        @Override
        public String getRemoteAddr() {
            return Handler.client(exchange);
        }

        @Override
        public String getHeader(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }

        @Override
        public String getScheme() {
            return exchange.getRequestScheme();
        }

        @Override
        public String getServerName() {
            return exchange.getHostName();
        }

        @Override
        public int getServerPort() {
            return exchange.getHostPort();
        }

        @Override
        public String getContextPath() {
            return context.getContextPath();
        }
    }
}
