package dlcs.benchmark;

import static dlcs.it.Api.json;

import dlcs.it.Api;
import dlcs.it.Api.Tenant;
import dlcs.it.Batches;
import dlcs.it.Fixtures;
import dlcs.it.ServerProcess;
import dlcs.it.TestOrigin;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queue throughput and memory, printed (run by src/benchmark/queue.sh, not by the test suite):
 * 100 6000x4000 JPEGs queued as one batch to the server at -Xmx1g, against the same files
 * converted by {@code vips tiffsave --tile --pyramid --compression jpeg} in 2 processes. The
 * masters are real photographs ({@link BenchmarkImages#photographs}) unless
 * {@code -Dbenchmark.masters=generated} asks for generated ones ({@link BenchmarkImages#photoLike}).
 */
class QueueBenchmark {

    private static final int IMAGES = Integer.getInteger("benchmark.images", 100);
    private static final boolean GENERATED = System.getProperty("benchmark.masters", "photographs").equals("generated");
    private static final int WIDTH = 6000;
    private static final int HEIGHT = 4000;
    private static final int GENERATED_DISTINCT = 5;
    /** Images ingested, untimed, before the timed batch: the JIT compiler is busy for the first few hundred. */
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 10);

    @TempDir
    Path work;

    @Test
    void queueThroughputAgainstVips() throws Exception {
        List<byte[]> masters = new ArrayList<>();
        if (GENERATED) {
            for (int i = 0; i < GENERATED_DISTINCT; i++) {
                masters.add(BenchmarkImages.photoLike(i, WIDTH, HEIGHT));
            }
        } else {
            masters.addAll(BenchmarkImages.photographs(WIDTH, HEIGHT, work.resolve("photographs")));
        }
        int distinct = masters.size();
        Path files = Files.createDirectories(work.resolve("masters"));
        for (int i = 0; i < IMAGES; i++) {
            Files.write(files.resolve("m" + i + ".jpg"), masters.get(i % distinct));
        }
        List<String> settings = List.of("dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                "dlcs.origin.allow-loopback=true", "dlcs.image.max-pixels=30000000");
        StringBuilder report = new StringBuilder();
        try (TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work, work.resolve("data"), 400, settings).withHeap("1g")) {
            server.start();
            Tenant tenant = Api.admin(server.base()).newTenant();
            Api api = tenant.api(server.base());
            String queue = "/customers/" + tenant.customer() + "/queue";
            JsonArrayBuilder members = Batches.members();
            for (int i = 0; i < IMAGES; i++) {
                String url = origin.serveImage("/m" + i + ".jpg", "image/jpeg", masters.get(i % distinct));
                members.add(Batches.member(tenant.space(), "m" + i, url));
            }
            String body = Batches.collection(members);
            // a few images first, untimed, so that the figures are those of a warmed-up JVM
            JsonArrayBuilder warmUp = Batches.members();
            for (int i = 0; i < WARM_UP; i++) {
                warmUp.add(Batches.member(tenant.space(), "warm" + i, origin.url("/m" + (i % distinct) + ".jpg")));
            }
            Batches.awaitFinished(api, Batches.path(json(api.post(queue, Batches.collection(warmUp)))),
                    Duration.ofMinutes(10));
            HeapSampler heap = new HeapSampler(server.jvm());
            heap.start();
            String load = ServerFacts.loadAverage();
            long cpu0 = ServerFacts.cpuNanos(server.jvm());
            long compiler0 = ServerFacts.compilerCpuNanos(server.jvm());
            long t0 = System.nanoTime();
            JsonObject batch = json(api.post(queue, body));
            long accepted = System.nanoTime();
            JsonObject done = Batches.awaitFinished(api, Batches.path(batch), Duration.ofHours(1));
            long finished = System.nanoTime();
            long cpu = ServerFacts.cpuNanos(server.jvm()) - cpu0;
            long compiler = ServerFacts.compilerCpuNanos(server.jvm()) - compiler0;
            heap.stop();
            double seconds = (finished - t0) / 1e9;
            double serverRate = IMAGES / seconds;
            report.append(String.format("images                  %d x %dx%d JPEG, %s (%d distinct, %.1f MB on average)%n",
                    IMAGES, WIDTH, HEIGHT, GENERATED ? "generated" : "photographs resized by vips, q90", distinct,
                    masters.stream().mapToLong(m -> m.length).average().orElse(0) / 1e6));
            report.append(String.format("batch accepted in       %.0f ms%n", (accepted - t0) / 1e6));
            report.append(String.format("completed / errors      %d / %d%n", done.getInt("completed"), done.getInt("errors")));
            report.append(String.format("server end to end       %.1f s, %.2f images/s (default workers: 3, -Xmx1g,"
                    + " after a %d-image warm-up; load %s)%n", seconds, serverRate, WARM_UP, load));
            report.append(String.format("server CPU              %.3f s per image, of which the JIT compiler %.3f (%.0f%%)%n",
                    cpu / 1e9 / IMAGES, compiler / 1e9 / IMAGES, cpu == 0 ? 0 : 100.0 * compiler / cpu));
            report.append(String.format("server heap peak        %.0f MB (used, garbage included)%n", heap.peakBytes() / 1e6));

            JsonArrayBuilder thousand = Batches.members();
            String tiny = origin.serveImage("/tiny.jpg", "image/jpeg", Fixtures.jpeg(64, 64));
            for (int i = 0; i < 1000; i++) {
                thousand.add(Batches.member(tenant.space(), "t" + i, tiny));
            }
            String big = Batches.collection(thousand);
            long b0 = System.nanoTime();
            JsonObject second = json(api.post(queue, big));
            report.append(String.format("1,000-member batch      accepted in %.0f ms%n", (System.nanoTime() - b0) / 1e6));
            Batches.awaitFinished(api, Batches.path(second), Duration.ofMinutes(30));

            report.append("server JPEG codec       ").append(ServerFacts.jpegCodec(server.log())).append('\n');
            double vipsRate = vips(files, work.resolve("vips"), report);
            if (vipsRate > 0) {
                report.append(String.format("ratio server / vips     %.2f (target 0.9)%n", serverRate / vipsRate));
            }
        }
        System.out.println("\n=== queue benchmark ===\n" + report);
        Files.writeString(Path.of("target", "benchmark-queue.txt"), report.toString());
    }

    private static double vips(Path files, Path out, StringBuilder report) throws Exception {
        if (!commandExists("vips")) {
            report.append("vips                    not installed (apt-get install libvips-tools): no comparison\n");
            return 0;
        }
        Files.createDirectories(out);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        String load = ServerFacts.loadAverage();
        long cpu0 = ServerFacts.childrenCpuNanos();
        long t0 = System.nanoTime();
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            Path in = files.resolve("m" + i + ".jpg");
            Path tif = out.resolve("m" + i + ".tif");
            runs.add(pool.submit(() -> new ProcessBuilder("vips", "tiffsave", in.toString(), tif.toString(), "--tile",
                    "--pyramid", "--compression", "jpeg", "--Q", "85", "--tile-width", "256", "--tile-height", "256")
                    .inheritIO().start().waitFor()));
        }
        for (Future<Integer> run : runs) {
            if (run.get() != 0) {
                throw new IllegalStateException("vips failed");
            }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = ServerFacts.childrenCpuNanos() - cpu0;
        double rate = IMAGES / seconds;
        report.append(String.format("vips tiffsave (2 procs) %.1f s, %.2f images/s (load %s)%n", seconds, rate, load));
        report.append(String.format("vips CPU                %.3f s per image%n", cpu / 1e9 / IMAGES));
        return rate;
    }

    private static boolean commandExists(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

}
