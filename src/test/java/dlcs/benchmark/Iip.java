package dlcs.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * IIPImage as it is usually deployed: iipsrv.fcgi processes (one per core) behind lighttpd, on
 * 127.0.0.1, with its tile cache set to {@code cacheMegabytes} (0: off).
 */
final class Iip implements AutoCloseable {

    private static final int PORT = 8990;
    private final Lighttpd lighttpd;

    Iip(Path directory, int cacheMegabytes) throws IOException, InterruptedException {
        lighttpd = new Lighttpd(directory, PORT, """
                server.document-root = "%1$s"
                server.port = %2$d
                server.bind = "127.0.0.1"
                server.max-fds = 4096
                server.errorlog = "%1$s/error.log"
                server.modules += ("mod_fastcgi")
                fastcgi.server = ( "/fcgi-bin/iipsrv.fcgi" => ((
                    "socket" => "%1$s/iipsrv.sock",
                    "check-local" => "disable",
                    "bin-path" => "/usr/lib/iipimage-server/iipsrv.fcgi",
                    "min-procs" => 2, "max-procs" => 2,
                    "bin-environment" => ( "MAX_IMAGE_CACHE_SIZE" => "%3$d", "VERBOSITY" => "0",
                                           "JPEG_QUALITY" => "85", "MAX_CVT" => "5000" )
                )))
                """.formatted(directory, PORT, cacheMegabytes));
    }

    /** The IIIF prefix of an image file: append the file's absolute path, then the request. */
    String base() {
        return "http://127.0.0.1:" + PORT + "/fcgi-bin/iipsrv.fcgi?IIIF=";
    }

    /** CPU time of lighttpd and its iipsrv processes so far. */
    Duration cpu() {
        return lighttpd.cpu();
    }

    @Override
    public void close() throws InterruptedException {
        lighttpd.close();
    }
}
