package dlcs.hydra;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps the JSON bodies of the API, so that a client cannot make the server read and parse an
 * arbitrarily large one: at most {@code dlcs.api.max-json-bytes} (1 MiB), or what the resource
 * method's {@link BodyLimit} says (a queued batch may hold a thousand images). A body whose
 * Content-Length says more is refused with 413 before any of it is read; a body without one
 * (chunked) is counted while it is read, and refused with 413 once it goes past the limit.
 * Image bytes (multipart or image/*) keep their own, much larger limit, {@code dlcs.origin.max-bytes},
 * which registration counts while it streams them to disk.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodyLimitFilter implements ContainerRequestFilter {

    static final String KEY = "dlcs.api.max-json-bytes";

    @Inject
    @ConfigProperty(name = KEY, defaultValue = "1048576")
    long maxJsonBytes;

    @Inject
    Config config;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && (type.getType().equalsIgnoreCase("multipart") || type.getType().equalsIgnoreCase("image"))) {
            return;
        }
        Limit limit = limitOf(resource == null ? null : resource.getResourceMethod());
        long declared = declaredLength(request.getHeaderString("Content-Length"));
        if (declared > limit.bytes()) {
            throw limit.exceeded("is " + declared + " bytes");
        }
        request.setEntityStream(new Counted(request.getEntityStream(), limit));
    }

    /** The Content-Length, or -1 when there is none (the server refuses a malformed one itself). */
    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Limit limitOf(Method method) {
        BodyLimit special = method == null ? null : method.getAnnotation(BodyLimit.class);
        if (special == null) {
            return new Limit(maxJsonBytes, KEY);
        }
        return new Limit(config.getOptionalValue(special.key(), Long.class).orElse(special.bytes()), special.key());
    }

    /** A limit and the key that sets it. */
    record Limit(long bytes, String key) {

        BodyTooLargeException exceeded(String size) {
            return new BodyTooLargeException("The request body " + size + "; at most " + bytes + " bytes are accepted"
                    + " here (" + key + "). Send less in one request.");
        }
    }

    /** The body, refused once more than the limit has been read from it. */
    static final class Counted extends FilterInputStream {

        private final Limit limit;
        private long count;

        Counted(InputStream body, Limit limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit.bytes()) {
                throw limit.exceeded("is more than " + limit.bytes() + " bytes");
            }
        }
    }
}
