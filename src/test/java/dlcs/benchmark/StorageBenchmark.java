package dlcs.benchmark;

import dlcs.it.Api;
import dlcs.it.Api.Tenant;
import dlcs.it.S3Servers;
import dlcs.it.ServerProcess;
import dlcs.it.TestOrigin;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stored tiles served from an S3-compatible bucket against the same from the local disk, in one
 * run, printed (run by src/benchmark/storage.sh, not by the test suite). One 6000x4000 photograph
 * is registered on each of three servers in turn (-Xmx512m, each after a JIT warm-up): on the
 * local directory; on a bucket of S3Proxy on 127.0.0.1 with the node's cache off, so that every
 * tile is a ranged GET ("cold", the cost of a miss); and on the bucket with the default cache
 * ("warm", hot tiles from memory). On the cached server the first touch of every tile of an
 * image none of which is cached, its index read included, is timed too: what a viewer opening
 * an image no one has looked at on that node sees.
 */
class StorageBenchmark {

    private static final int WIDTH = 6000;
    private static final int HEIGHT = 4000;
    private static final int S3_PORT = 17710;
    private static final String ACCESS = "bench-access";
    private static final String SECRET = "bench-secret-Lk39";
    private static final int JIT_WARM_UP_SECONDS = Integer.getInteger("benchmark.jit-warm-up-seconds", 20);

    @TempDir
    Path work;

    private record Measured(String name, Wrk.Result result) {
    }

    @Test
    void tilesFromABucketAgainstTilesFromTheLocalDisk() throws Exception {
        Wrk wrk = new Wrk(work);
        StringBuilder report = new StringBuilder();
        byte[] photo = BenchmarkImages.photoLike(7, WIDTH, HEIGHT);
        List<Measured> measured = new ArrayList<>();
        S3Proxy proxy = S3Servers.start(S3_PORT, ACCESS, SECRET);
        try (TestOrigin origin = new TestOrigin(); S3Client s3 = S3Servers.client(S3_PORT, ACCESS, SECRET)) {
            s3.createBucket(request -> request.bucket("bench"));
            String url = origin.serveImage("/photo.jpg", "image/jpeg", photo);
            List<String> bucket = List.of("dlcs.storage.type=s3", "dlcs.storage.s3.bucket=bench",
                    "dlcs.storage.s3.endpoint=" + S3Servers.endpoint(S3_PORT), "dlcs.storage.s3.path-style=true",
                    "dlcs.storage.s3.access-key=" + ACCESS, "dlcs.storage.s3.secret-key=" + SECRET);
            measured.add(new Measured("local disk", serve(wrk, url, 720, List.of(), null)));
            measured.add(new Measured("S3, no cache (every tile a GET)", serve(wrk, url, 730, concat(bucket,
                    "dlcs.storage.cache.memory-mb=0", "dlcs.storage.cache.disk-mb=0"), null)));
            StringBuilder firstTouch = new StringBuilder();
            measured.add(new Measured("S3, default cache (warm)", serve(wrk, url, 740, bucket, firstTouch)));
            report.append(String.format("image                   %dx%d photograph; every stored tile of every level,"
                    + " shuffled%n", WIDTH, HEIGHT));
            report.append(String.format("load                    wrk -t2 -c16 on 127.0.0.1 after a %d s JIT warm-up;"
                    + " S3Proxy on 127.0.0.1 (in-memory)%n", JIT_WARM_UP_SECONDS));
            report.append(String.format("%-34s %9s %12s %9s %9s %7s%n", "", "tiles/s", "CPU ms/req", "p50 ms",
                    "p99 ms", "errors"));
            for (Measured m : measured) {
                Wrk.Result r = m.result();
                report.append(String.format("%-34s %9.0f %12.3f %9.2f %9.2f %7d%n", m.name(), r.rate(),
                        r.cpuMillisPerRequest(), r.p50(), r.p99(), r.errors()));
            }
            report.append(firstTouch);
        } finally {
            proxy.stop();
        }
        System.out.println("\n=== storage benchmark ===\n" + report);
        Files.writeString(Path.of("target", "benchmark-storage.txt"), report.toString());
    }

    /**
     * Starts a server with {@code settings}, registers the photograph, and measures its tiles;
     * with {@code firstTouch}, also registers it a second time and, after the JIT warm-up on the
     * first, times the first request of every tile of the second (16 at once).
     */
    private Wrk.Result serve(Wrk wrk, String url, int portOffset, List<String> settings, StringBuilder firstTouch)
            throws Exception {
        List<String> all = concat(settings, "dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                "dlcs.origin.allow-loopback=true");
        try (ServerProcess server = new ServerProcess(work.resolve("server-" + portOffset),
                work.resolve("data-" + portOffset), portOffset, all).withHeap("512m")) {
            server.start();
            Tenant tenant = Api.admin(server.base()).newTenant();
            String base = register(server, tenant, "photo", url);
            String cold = firstTouch == null ? null : register(server, tenant, "untouched", url);
            List<String> tiles = tileRequests(base);
            ProcessHandle jvm = server.jvm();
            wrk.warmUp(base, tiles, 16, JIT_WARM_UP_SECONDS);
            if (firstTouch != null) {
                long start = System.nanoTime();
                int failed = touchAll(cold, tiles);
                double seconds = (System.nanoTime() - start) / 1e9;
                firstTouch.append(String.format("first touch, S3 cached    %d tiles in %.2f s: %.0f tiles/s (another"
                        + " image, none of it cached, once the JIT is warm: its index read and every tile fetched"
                        + " once, 16 at once), %d failed%n", tiles.size(), seconds, tiles.size() / seconds, failed));
            }
            Wrk.Result result = wrk.run(base, tiles, 16, () -> jvm.info().totalCpuDuration().orElse(Duration.ZERO));
            server.stop();
            return result;
        }
    }

    /** Registers the photograph as {@code id}; returns the base of its image service. */
    private static String register(ServerProcess server, Tenant tenant, String id, String url) {
        int status = tenant.api(server.base()).put(tenant.imagePath(id), "{\"origin\":\"" + url + "\"}").getStatus();
        if (status != 201) {
            throw new IllegalStateException("Registering the benchmark image failed: " + status);
        }
        return server.base().toString().replaceAll("/$", "") + tenant.servicePath(id) + "/";
    }

    /** Requests every path once, 16 at a time; returns how many did not answer 200. */
    private static int touchAll(String base, List<String> paths) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String path : paths) {
                answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            int failed = 0;
            for (Future<Integer> answer : answers) {
                failed += answer.get() == 200 ? 0 : 1;
            }
            return failed;
        } finally {
            pool.shutdown();
        }
    }

    /** Every stored tile of every level, as a viewer asks for them, from the levels info.json lists. */
    private static List<String> tileRequests(String base) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "info.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonObject info = Json.createReader(new StringReader(body)).readObject();
        JsonObject tiles = info.getJsonArray("tiles").getJsonObject(0);
        return BenchmarkImages.tileRequests(WIDTH, HEIGHT, tiles.getInt("width"), tiles.getJsonArray("scaleFactors")
                .getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue).toList());
    }

    private static List<String> concat(List<String> list, String... more) {
        return Stream.concat(list.stream(), Stream.of(more)).toList();
    }
}
