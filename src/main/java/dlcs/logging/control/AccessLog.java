package dlcs.logging.control;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The access log: one line per HTTP request at INFO under the logger {@value #LOGGER}, for
 * example
 *
 * <pre>method=GET path=/iiif-img/2/1/page-1/0,0,1024,1024/256,/0/default.jpg status=200 bytes=10240 ms=0.412 client=10.0.0.7</pre>
 *
 * Every key is always there, in this order; {@code bytes=-} when the response declared no
 * length. The path without its query string (which can carry a token), no header (the API's
 * {@code Authorization}, cookies), and the client as the connection's own address. Built as one
 * string and nothing else, since stored tiles are served tens of thousands a second.
 */
public final class AccessLog {

    public static final String LOGGER = "dlcs.log.access";
    /** The setting that turns the access log off (true by default; environment {@code DLCS_LOG_ACCESS}). */
    public static final String KEY = "dlcs.log.access";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    /** Longer paths are cut: the line stays bounded whatever a client sends. */
    static final int MAX_PATH = 1024;

    private AccessLog() {
    }

    /** Whether the access log is on ({@value #KEY}). */
    public static boolean configuredOn() {
        return ConfigProvider.getConfig().getOptionalValue(KEY, Boolean.class).orElse(true);
    }

    public static void write(String method, String path, int status, long bytes, long nanos, String client) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(line(method, path, status, bytes, nanos, client));
        }
    }

    static String line(String method, String path, int status, long bytes, long nanos, String client) {
        StringBuilder out = new StringBuilder(112 + Math.min(path == null ? 0 : path.length(), MAX_PATH));
        out.append("method=");
        LogValues.appendToken(out, method, 16);
        out.append(" path=");
        LogValues.appendToken(out, path, MAX_PATH);
        out.append(" status=").append(status).append(" bytes=");
        if (bytes < 0) {
            out.append('-');
        } else {
            out.append(bytes);
        }
        long micros = Math.max(0, nanos / 1000);
        out.append(" ms=").append(micros / 1000).append('.');
        long fraction = micros % 1000;
        if (fraction < 100) {
            out.append(fraction < 10 ? "00" : "0");
        }
        out.append(fraction).append(" client=");
        LogValues.appendToken(out, client, 64);
        return out.toString();
    }
}
