package dlcs.imaging.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The derivative pipeline alone, in process, for quick measurements while working on it (not a
 * test, and no figure of it is asserted): makes the derivatives of every JPEG of a directory,
 * several rounds, on a number of threads, and prints images per second and the CPU time per
 * image. Run from the test classpath:
 * {@code java -Xmx1g -cp target/test-classes:target/classes:$CP dlcs.imaging.control.DerivativeTiming DIR [ROUNDS] [THREADS]}.
 */
public final class DerivativeTiming {

    private static final List<Integer> BOXES = List.of(1024, 400, 200, 100);

    private DerivativeTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<Path> masters;
        try (Stream<Path> files = Files.list(directory)) {
            masters = files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
        }
        DerivativeMaker maker = TestMakers.configured();
        maker.maxPixels = 150_000_000;
        Path out = Files.createTempDirectory("derivative-timing");
        var bean = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        try {
            for (int round = 0; round < rounds; round++) {
                long cpu0 = bean.getProcessCpuTime();
                long t0 = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < masters.size(); i++) {
                    Path master = masters.get(i);
                    Path target = out.resolve(round + "-" + i);
                    runs.add(pool.submit(() -> {
                        maker.make(master, target, BOXES);
                        delete(target);
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (bean.getProcessCpuTime() - cpu0) / 1e9;
                System.out.printf("round %d: %d images in %.2f s, %.2f images/s, %.3f s CPU per image, load %s%n",
                        round, masters.size(), seconds, masters.size() / seconds, cpu / masters.size(),
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        } finally {
            delete(out);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
