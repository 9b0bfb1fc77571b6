package dlcs.origin.control;

import dlcs.origin.control.OriginException.Fault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches an origin once into a temporary file: http and https, redirects followed by hand so
 * that every hop passes the {@link NetworkRules}, bounded in time (connect, each read, and the
 * whole transfer) and in size (counted while streaming, whatever the headers claim).
 */
@ApplicationScoped
public class OriginFetcher {

    @Inject
    @ConfigProperty(name = "dlcs.origin.connect-timeout-seconds", defaultValue = "10")
    int connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.origin.read-timeout-seconds", defaultValue = "30")
    int readTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.origin.timeout-seconds", defaultValue = "300")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "dlcs.origin.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "dlcs.origin.max-redirects", defaultValue = "5")
    int maxRedirects;

    @Inject
    @ConfigProperty(name = "dlcs.origin.allow-loopback", defaultValue = "false")
    boolean allowLoopback;

    /** Refuses a malformed or disallowed origin without fetching it. */
    public URI validate(String origin) {
        return NetworkRules.parse(origin);
    }

    /** Downloads {@code origin} into a new file in {@code directory}; the caller deletes it. */
    public Path fetch(String origin, Path directory) {
        NetworkRules rules = new NetworkRules(allowLoopback);
        URI uri = NetworkRules.parse(origin);
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            rules.check(uri);
            HttpURLConnection connection = open(uri);
            try {
                int status = connection.getResponseCode();
                if (status >= 300 && status < 400 && connection.getHeaderField("Location") != null) {
                    uri = NetworkRules.parse(uri.resolve(connection.getHeaderField("Location").trim()).toString());
                    continue;
                }
                if (status >= 500) {
                    throw new OriginException(Fault.UNAVAILABLE, "The origin answered HTTP " + status
                            + " for " + uri + "; it may work later.");
                }
                if (status != 200) {
                    throw new OriginException(Fault.NOT_FOUND, "The origin answered HTTP " + status + " for " + uri
                            + "; check that the URL is right and publicly readable.");
                }
                long declared = connection.getContentLengthLong();
                if (declared > maxBytes) {
                    throw tooLarge();
                }
                return download(connection, directory, deadline);
            } catch (SocketTimeoutException e) {
                throw new OriginException(Fault.TIMEOUT, "The origin " + uri + " did not answer in time.", e);
            } catch (UnknownHostException e) {
                throw new OriginException(Fault.NOT_FOUND, "The origin host '" + uri.getHost() + "' does not resolve.", e);
            } catch (ConnectException e) {
                throw new OriginException(Fault.UNAVAILABLE, "The origin " + uri + " refused the connection.", e);
            } catch (IOException e) {
                throw new OriginException(Fault.UNAVAILABLE, "Fetching " + uri + " failed: " + e.getMessage(), e);
            } finally {
                connection.disconnect();
            }
        }
        throw new OriginException(Fault.NOT_FOUND, "The origin redirected more than " + maxRedirects + " times.");
    }

    private HttpURLConnection open(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(connectTimeoutSeconds * 1000);
            connection.setReadTimeout(readTimeoutSeconds * 1000);
            connection.setRequestProperty("User-Agent", "dlcs-server");
            connection.setRequestProperty("Accept", "image/*, */*;q=0.5");
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new OriginException(Fault.REFUSED, "The origin " + uri + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private Path download(HttpURLConnection connection, Path directory, long deadline) throws IOException {
        Path file = Files.createTempFile(directory, "origin-", ".bin");
        boolean complete = false;
        try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                if (System.nanoTime() > deadline) {
                    throw new OriginException(Fault.TIMEOUT, "The origin took longer than " + timeoutSeconds
                            + " seconds to send the image (dlcs.origin.timeout-seconds).");
                }
                out.write(buffer, 0, read);
            }
            long declared = connection.getContentLengthLong();
            if (declared >= 0 && total != declared) {
                throw new OriginException(Fault.UNAVAILABLE, "The origin sent " + total + " of the " + declared
                        + " bytes it announced: the transfer was cut short.");
            }
            complete = true;
            return file;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
    }

    private OriginException tooLarge() {
        return new OriginException(Fault.TOO_LARGE, "The origin is larger than " + maxBytes
                + " bytes, the most this server fetches (dlcs.origin.max-bytes).");
    }
}
