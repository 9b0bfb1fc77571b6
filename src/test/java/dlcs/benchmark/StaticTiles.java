package dlcs.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The practical limit of serving a stored tile: the tiles of the same master made as static
 * files by {@code vips dzsave --layout iiif} (JPEG quality 85, the server's tile size, no
 * overlap), whose file names are the canonical v2 tile requests
 * ({@code x,y,w,h/w,/0/default.jpg}), served by lighttpd on 127.0.0.1 as it comes (one process,
 * its default keep-alive and network settings, no access log).
 */
final class StaticTiles implements AutoCloseable {

    static final int PORT = 21400;
    private final Path root;
    private final Lighttpd lighttpd;

    StaticTiles(Path directory, Path master, int tileSize) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path tiles = directory.resolve("tiles");
        Process dzsave = new ProcessBuilder("vips", "dzsave", master.toString(), tiles.toString(), "--layout", "iiif",
                "--tile-size", Integer.toString(tileSize), "--overlap", "0", "--suffix", ".jpg[Q=85]")
                .redirectErrorStream(true).redirectOutput(directory.resolve("dzsave.log").toFile()).start();
        if (dzsave.waitFor() != 0) {
            throw new IllegalStateException("vips dzsave failed; see " + directory.resolve("dzsave.log"));
        }
        root = tiles;
        lighttpd = new Lighttpd(directory, PORT, """
                server.document-root = "%1$s"
                server.port = %2$d
                server.bind = "127.0.0.1"
                server.max-fds = 4096
                server.errorlog = "%3$s/error.log"
                mimetype.assign = ( ".jpg" => "image/jpeg", ".json" => "application/json" )
                """.formatted(tiles, PORT, directory));
    }

    /** What to put before a tile request to have its file. */
    String base() {
        return "http://127.0.0.1:" + PORT + "/";
    }

    /** The requests that have no file: none, when vips cut the pyramid as the server did. */
    List<String> missing(List<String> requests) {
        return requests.stream().filter(r -> !Files.isRegularFile(root.resolve(r))).toList();
    }

    /** CPU time of lighttpd so far. */
    Duration cpu() {
        return lighttpd.cpu();
    }

    @Override
    public void close() throws InterruptedException {
        lighttpd.close();
    }
}
