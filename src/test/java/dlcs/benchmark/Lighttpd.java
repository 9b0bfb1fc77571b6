package dlcs.benchmark;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * lighttpd in the foreground on 127.0.0.1, with a configuration of the caller's, for the
 * benchmarks' reference servers: IIPImage behind it ({@link Iip}), and the tiles as static
 * files ({@link StaticTiles}). Started once the port answers; stopped with every process it started.
 */
final class Lighttpd implements AutoCloseable {

    private final Process process;

    /** Starts lighttpd with {@code configuration} (which must bind 127.0.0.1:{@code port}) written into {@code directory}. */
    Lighttpd(Path directory, int port, String configuration) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path config = directory.resolve("lighttpd.conf");
        Files.writeString(config, configuration);
        process = new ProcessBuilder("lighttpd", "-D", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("lighttpd.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    close();
                    throw new IllegalStateException("lighttpd did not start; see " + directory, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** CPU time of lighttpd and the processes it started (FastCGI) so far. */
    Duration cpu() {
        List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        return all.stream().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        process.waitFor();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            child.onExit().join();
        }
    }
}
