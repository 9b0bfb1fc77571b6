package dlcs.origin.control;

import dlcs.origin.control.OriginException.Fault;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.hc.client5.http.CircularRedirectException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What went wrong with a fetch, in words a user can act on, and whether it is worth retrying.
 * Messages name the origin and the strategy, never a credential: the libraries' own messages
 * are used only where they cannot hold one.
 */
final class OriginFailures {

    private OriginFailures() {
    }

    static OriginException describe(Exception thrown, URI origin, OriginStrategyStore.Match match) {
        String strategy = "origin strategy " + (match.rule() == null ? "default" : match.rule() + " ("
                + match.strategy().label() + ")");
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OriginException known) {
                return known;
            }
            if (cause instanceof CheckedDnsResolver.RefusedHostException refused) {
                return refused.refusal();
            }
            if (cause instanceof UnknownHostException) {
                return new OriginException(Fault.NOT_FOUND, "The host of " + origin + " does not resolve; check the"
                        + " URL.", thrown);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException
                    && cause.getClass().getSimpleName().contains("Timeout")) {
                return new OriginException(Fault.TIMEOUT, "The origin " + origin + " did not answer in time.", thrown);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new OriginException(Fault.UNAVAILABLE, "The origin " + origin + " refused the connection.",
                        thrown);
            }
            if (cause instanceof CircularRedirectException || cause instanceof RedirectException) {
                return new OriginException(Fault.NOT_FOUND, "The origin " + origin + " redirected too often or in a"
                        + " circle (at most dlcs.origin.max-redirects hops are followed).", thrown);
            }
            if (cause instanceof SSLException) {
                return new OriginException(Fault.NOT_FOUND, "The TLS connection to " + origin + " failed: its"
                        + " certificate is not one this server trusts (it trusts the CAs of its JVM), or the"
                        + " handshake failed.", thrown);
            }
            if (cause instanceof ConnectionClosedException || cause instanceof EOFException) {
                return new OriginException(Fault.UNAVAILABLE, "The origin " + origin + " closed the connection before"
                        + " sending all it announced: the transfer was cut short; it may work later.", thrown);
            }
            if (cause instanceof S3Exception s3) {
                return s3(s3, origin, strategy, thrown);
            }
            if (cause instanceof org.apache.commons.vfs2.FileNotFoundException) {
                return origin.getScheme().toLowerCase(Locale.ROOT).startsWith("http") ? http(404, origin, strategy, thrown)
                        : new OriginException(Fault.NOT_FOUND, "There is no file at " + origin + "; check the path.",
                        thrown);
            }
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause.getClass().getName().startsWith("com.jcraft.jsch.") && message.contains("hostkey")) {
                return new OriginException(Fault.NOT_FOUND, "The SFTP server at " + origin + " showed a host key"
                        + " other than the hostKey of " + strategy + "; check that key (ssh-keyscan) or the server.",
                        thrown);
            }
            if (cause.getClass().getName().startsWith("com.jcraft.jsch.") && message.contains("auth")) {
                return refused(origin, strategy, "the SFTP server", thrown);
            }
            if (message.contains("could not login")) {
                return refused(origin, strategy, "the FTP server", thrown);
            }
            if (cause instanceof FileSystemException vfs && vfs.getCode().startsWith("vfs.provider.http/")) {
                Integer status = status(vfs);
                if (status != null) {
                    return http(status, origin, strategy, thrown);
                }
            }
        }
        if (thrown instanceof FileSystemException vfs) {
            return new OriginException(Fault.NOT_FOUND, "Fetching " + origin + " failed: " + vfs.getMessage(), thrown);
        }
        return new OriginException(Fault.UNAVAILABLE, "Fetching " + origin + " failed ("
                + thrown.getClass().getSimpleName() + "); it may work later.", thrown);
    }

    private static Integer status(FileSystemException vfs) {
        for (Object part : vfs.getInfo()) {
            if (part != null && part.toString().matches("\\d{3}")) {
                return Integer.valueOf(part.toString());
            }
        }
        return null;
    }

    private static OriginException http(int status, URI origin, String strategy, Exception thrown) {
        if (status == 401 || status == 403) {
            return refused(origin, strategy, "the origin (HTTP " + status + ")", thrown);
        }
        if (status >= 500) {
            return new OriginException(Fault.UNAVAILABLE, "The origin answered HTTP " + status + " for " + origin
                    + "; it may work later.", thrown);
        }
        return new OriginException(Fault.NOT_FOUND, "The origin answered HTTP " + status + " for " + origin
                + "; check that the URL is right.", thrown);
    }

    private static OriginException s3(S3Exception s3, URI origin, String strategy, Exception thrown) {
        String code = s3.awsErrorDetails() == null || s3.awsErrorDetails().errorCode() == null ? ""
                : " (" + s3.awsErrorDetails().errorCode() + ")";
        int status = s3.statusCode();
        if (status == 401 || status == 403) {
            return refused(origin, strategy, "the S3 store" + code, thrown);
        }
        if (status == 404) {
            return new OriginException(Fault.NOT_FOUND, "The S3 store has no such bucket or object: " + origin + code
                    + ".", thrown);
        }
        if (status >= 500) {
            return new OriginException(Fault.UNAVAILABLE, "The S3 store answered HTTP " + status + code + " for "
                    + origin + "; it may work later.", thrown);
        }
        return new OriginException(Fault.NOT_FOUND, "The S3 store answered HTTP " + status + code + " for " + origin
                + ".", thrown);
    }

    private static OriginException refused(URI origin, String strategy, String who, Exception thrown) {
        return new OriginException(Fault.NOT_FOUND, "Access to " + origin + " was refused by " + who + " with the"
                + " credentials of " + strategy + "; check them, or the regex that chose that strategy.", thrown);
    }
}
