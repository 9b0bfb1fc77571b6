package dlcs.iiif.boundary;

import dlcs.iiif.control.RenderedImages;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends an image's body after the servlet has returned, through the servlet's non-blocking
 * output: piece by piece as the connection takes it, from the container's I/O thread, which
 * also ends the request. No worker thread waits on a slow client, and on WildFly the worker
 * does not hand the connection back itself: Undertow's I/O thread spins while a worker does
 * that, and with more renders than cores the worker is often preempted meanwhile (a tenth of
 * the server's CPU under a load of regions, measured). The render's share of the budget is
 * given back once the body is out, the client has gone, or the client has taken longer than
 * {@link #timeoutMillis} to take it. A HEAD request, or a chain that cannot go asynchronous,
 * gets the body written on the spot.
 */
final class AsyncBody implements WriteListener, AsyncListener {

    /** The time any client has to take a body ... */
    private static final long LEAST_MILLIS = 60_000;
    /** ... and more for a larger body, at this slow a pace. */
    private static final long BYTES_PER_SECOND = 16 * 1024;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final RenderedImages.Rendered body;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The next piece to write; only the container's write callbacks, one at a time, touch it. */
    private int next;

    private AsyncBody(AsyncContext async, ServletOutputStream out, RenderedImages.Rendered body) {
        this.async = async;
        this.out = out;
        this.body = body;
    }

    /** Sends {@code body}, whose headers are set, and closes it when it is out or given up. */
    static void send(HttpServletRequest request, HttpServletResponse response, RenderedImages.Rendered body)
            throws IOException {
        // HttpServlet's HEAD answer discards the body through an output that cannot go non-blocking
        if (!request.isAsyncSupported() || "HEAD".equals(request.getMethod())) {
            try (body) {
                body.writeTo(response.getOutputStream());
            }
            return;
        }
        AsyncBody sender;
        try {
            AsyncContext async = request.startAsync(request, response);
            async.setTimeout(timeoutMillis(body.length()));
            sender = new AsyncBody(async, response.getOutputStream(), body);
            async.addListener(sender);
        } catch (RuntimeException | IOException e) {
            body.close();
            throw e;
        }
        sender.out.setWriteListener(sender);
    }

    /** How long a client may take for a body of {@code length} bytes. */
    static long timeoutMillis(long length) {
        return Math.max(LEAST_MILLIS, length / BYTES_PER_SECOND * 1000);
    }

    @Override
    public void onWritePossible() throws IOException {
        while (!ended.get() && out.isReady()) {
            if (next == body.pieces()) {
                end();
                return;
            }
            body.writePiece(next++, out);
        }
    }

    /** The client went away, or the write failed. */
    @Override
    public void onError(Throwable failure) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        body.close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    private void end() {
        body.close();
        if (ended.compareAndSet(false, true)) {
            async.complete();
        }
    }
}
