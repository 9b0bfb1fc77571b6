package dlcs.benchmark;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * IIPImage as it is usually deployed: iipsrv.fcgi processes (one per core) behind lighttpd, on
 * 127.0.0.1, with its tile cache set to {@code cacheMegabytes} (0: off).
 */
final class Iip implements AutoCloseable {

    private static final int PORT = 8990;
    private final Process lighttpd;

    Iip(Path directory, int cacheMegabytes) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path config = directory.resolve("lighttpd.conf");
        Files.writeString(config, """
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
        lighttpd = new ProcessBuilder("lighttpd", "-D", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("lighttpd.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", PORT)) {
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !lighttpd.isAlive()) {
                    throw new IllegalStateException("lighttpd did not start; see " + directory.resolve("error.log"), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The IIIF prefix of an image file: append the file's absolute path, then the request. */
    String base() {
        return "http://127.0.0.1:" + PORT + "/fcgi-bin/iipsrv.fcgi?IIIF=";
    }

    /** CPU time of lighttpd and its iipsrv processes so far. */
    Duration cpu() {
        List<ProcessHandle> all = java.util.stream.Stream.concat(java.util.stream.Stream.of(lighttpd.toHandle()),
                lighttpd.descendants()).toList();
        return all.stream().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = lighttpd.descendants().toList();
        lighttpd.destroy();
        lighttpd.waitFor();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            child.onExit().join();
        }
    }
}
