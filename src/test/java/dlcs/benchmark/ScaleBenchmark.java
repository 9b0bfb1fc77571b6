package dlcs.benchmark;

import static dlcs.it.Api.json;

import dlcs.it.Api;
import dlcs.it.Api.Tenant;
import dlcs.it.Batches;
import dlcs.it.Fixtures;
import dlcs.it.LocalPostgres;
import dlcs.it.ServerProcess;
import dlcs.it.TestOrigin;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over a million images, printed (run by src/benchmark/scale.sh, not by the test suite):
 * the server on PostgreSQL (Flyway makes the schema at its first start), 100 customers made
 * through the API, a few images really ingested, then a million image rows, a thousand
 * finished batches and their million members bulk-loaded ({@link ScaleData}); then, one request
 * at a time over HTTP against customers, spaces and books picked at random, the median and 95th
 * percentile of a space listing by string1 in number1 order, two allImages listings, a batch
 * status and a 500-canvas named-query manifest, and the time to accept 1,000-member batches.
 */
class ScaleBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("benchmark.customers", 100);
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 200);
    /** Untimed requests of each kind before the timed ones: enough for the JIT to compile the paths. */
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 200);
    private static final int BATCHES = Integer.getInteger("benchmark.batches", 10);
    /** Batches accepted before the timed ones, one of each kind, as the other requests have untimed ones first. */
    private static final int COLD_BATCHES = 2;
    private static final int POSTGRES_PORT = 19432;
    private static final int PORT_OFFSET = 900;
    private static final double TARGET_MS = 50;

    @TempDir
    Path work;

    @Test
    void aMillionImages() throws Exception {
        StringBuilder report = new StringBuilder();
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"), POSTGRES_PORT);
             TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work, work.resolve("data"), PORT_OFFSET, List.of(
                     "dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                     "dlcs.origin.allow-loopback=true", "dlcs.db.url=" + postgres.jdbcUrl(),
                     "dlcs.db.user=" + postgres.user(), "dlcs.db.password=" + postgres.password()))
                     .withConfiguration("standalone-full-postgres.xml").withHeap("1g")) {
            server.start();
            String base = server.base().toString().replaceAll("/$", "");
            Api admin = Api.admin(server.base());
            List<Tenant> tenants = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                tenants.add(admin.newTenant());
            }
            List<String> templates = ingestTemplates(tenants.get(0), server, origin);
            ScaleData data = new ScaleData(postgres.jdbcUrl(), postgres.user(), postgres.password());
            report.append(data.storedBytes(templates));
            long t0 = System.nanoTime();
            long firstBatch = data.load(tenants.stream().map(Tenant::customer).toList(), templates);
            report.append(String.format("loaded                             %,d images in %d customers x %d spaces, %d"
                            + " finished batches with %,d members, in %.0f s (INSERT ... SELECT generate_series)%n",
                    (long) CUSTOMERS * ScaleData.SPACES * ScaleData.IMAGES_PER_SPACE, CUSTOMERS, ScaleData.SPACES,
                    CUSTOMERS * ScaleData.SPACES, (long) CUSTOMERS * ScaleData.SPACES * ScaleData.IMAGES_PER_SPACE,
                    (System.nanoTime() - t0) / 1e9));
            report.append(data.sizes());

            Random random = new Random(15);
            LongSupplier cpu = () -> ServerFacts.cpuNanos(server.jvm()) + ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("postgres")).mapToLong(ServerFacts::cpuNanos).sum();
            report.append("machine load (1 minute)            ").append(ServerFacts.loadAverage()).append(" at the start\n");
            Latencies latencies = new Latencies(WARM_UP, REQUESTS, cpu);
            report.append(latencies.time(n -> {
                Tenant t = tenants.get(random.nextInt(CUSTOMERS));
                return signed(t, base + "/customers/" + t.customer() + "/spaces/" + (1 + random.nextInt(ScaleData.SPACES))
                        + "/images?string1=volume-" + random.nextInt(2) + "&orderBy=number1");
            }, 200).line("space listing, string1, by number1", TARGET_MS));
            report.append(latencies.time(n -> {
                Tenant t = tenants.get(random.nextInt(CUSTOMERS));
                String q = URLEncoder.encode("{\"string1\":\"volume-" + random.nextInt(2) + "\"}", StandardCharsets.UTF_8);
                return signed(t, base + "/customers/" + t.customer() + "/allImages?q=" + q + "&orderBy=number1");
            }, 200).line("allImages, q string1, by number1", TARGET_MS));
            report.append(latencies.time(n -> {
                Tenant t = tenants.get(random.nextInt(CUSTOMERS));
                return signed(t, base + "/customers/" + t.customer() + "/allImages");
            }, 200).line("allImages, first page", TARGET_MS));
            report.append(latencies.time(n -> {
                int customer = random.nextInt(CUSTOMERS);
                Tenant t = tenants.get(customer);
                long batch = firstBatch + (long) customer * ScaleData.SPACES + random.nextInt(ScaleData.SPACES);
                return signed(t, base + "/customers/" + t.customer() + "/queue/batches/" + batch);
            }, 200).line("batch status (1,000 members)", TARGET_MS));
            report.append(latencies.time(n -> {
                Tenant t = tenants.get(random.nextInt(CUSTOMERS));
                return HttpRequest.newBuilder(URI.create(base + "/iiif-resource/" + t.customer() + "/book/"
                        + (1 + random.nextInt(ScaleData.SPACES)) + "/volume-" + random.nextInt(2))).build();
            }, 200).line("book manifest, 500 canvases (3.0)", TARGET_MS));
            acceptBatches(tenants, origin, server, cpu, report);
            report.append("machine load (1 minute)            ").append(ServerFacts.loadAverage()).append(" at the end\n");
            report.append(String.format("client                             one request at a time, each kind after %d"
                    + " untimed ones; customers, spaces, books and batches at random%n", WARM_UP));
        }
        System.out.println("\n=== scale benchmark ===\n" + report);
        Files.writeString(Path.of("target", "benchmark-scale.txt"), report.toString());
    }

    /**
     * Three images really ingested into the first customer's first space, whose derivative
     * columns the loaded rows copy: a page, a plate and a map, photograph-sized.
     */
    private static List<String> ingestTemplates(Tenant tenant, ServerProcess server, TestOrigin origin)
            throws Exception {
        int[][] sizes = {{3000, 4000}, {4000, 3000}, {5000, 6000}};
        JsonArrayBuilder members = Batches.members();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            String url = origin.serveImage("/template-" + i + ".jpg", "image/jpeg",
                    BenchmarkImages.photoLike(i, sizes[i][0], sizes[i][1]));
            members.add(Batches.member(tenant.space(), "template-" + i, url));
            keys.add(tenant.customer() + "/" + tenant.space() + "/template-" + i);
        }
        Api api = tenant.api(server.base());
        Batches.awaitFinished(api, Batches.path(json(api.post("/customers/" + tenant.customer() + "/queue",
                Batches.collection(members)))), Duration.ofMinutes(10));
        return keys;
    }

    /**
     * 1,000-member batches POSTed one after another, each to its own customer: half of new images,
     * half re-queuing 1,000 loaded ones (which supersedes their finished registration). The
     * batches are ingested in the background while the next ones are accepted, as in production.
     * The first two, one of each kind, are not timed (the other requests too have untimed ones
     * first, for the JIT), but their times are printed. Then those two are awaited: they must
     * finish with every member completed.
     */
    private static void acceptBatches(List<Tenant> tenants, TestOrigin origin, ServerProcess server, LongSupplier cpu,
                                      StringBuilder report) throws Exception {
        String base = server.base().toString().replaceAll("/$", "");
        String tiny = origin.serveImage("/tiny.jpg", "image/jpeg", Fixtures.jpeg(64, 64));
        Latencies once = new Latencies(0, 1, cpu);
        double[] millis = new double[BATCHES];
        double[] cpuMillis = new double[BATCHES];
        double[] coldMillis = new double[COLD_BATCHES];
        List<String> awaited = new ArrayList<>();
        for (int b = 0; b < COLD_BATCHES + BATCHES; b++) {
            Tenant t = tenants.get(1 + b % (tenants.size() - 1));
            boolean requeue = b % 2 == 1;
            JsonArrayBuilder members = Batches.members();
            for (int i = 0; i < ScaleData.IMAGES_PER_SPACE; i++) {
                String id = requeue ? String.format("v%d-p%04d", i / ScaleData.PAGES, i % ScaleData.PAGES + 1)
                        : "new-" + b + "-" + i;
                members.add(Batches.member(requeue ? 2 : t.space(), id, tiny));
            }
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/customers/" + t.customer() + "/queue"))
                    .header("Authorization", authorization(t)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Batches.collection(members))).build();
            long cpu0 = cpu.getAsLong();
            long t0 = System.nanoTime();
            byte[] batch = once.send(post, 201);
            double took = (System.nanoTime() - t0) / 1e6;
            if (b < COLD_BATCHES) {
                coldMillis[b] = took;
            } else {
                millis[b - COLD_BATCHES] = took;
                cpuMillis[b - COLD_BATCHES] = (cpu.getAsLong() - cpu0) / 1e6;
            }
            if (b < 2) {
                awaited.add(Batches.path(Json.createReader(new java.io.ByteArrayInputStream(batch)).readObject()));
            }
        }
        report.append(Latencies.Figures.of(millis, Arrays.stream(cpuMillis).average().orElse(0))
                .line("accept a 1,000-member batch", 1000));
        report.append(String.format("%-34s %s ms, after %s ms for the first two (untimed: one of each kind, the"
                        + " first while no batch was being ingested)%n", "  each, in order",
                Arrays.stream(millis).mapToObj(m -> String.format("%.0f", m)).collect(Collectors.joining(", ")),
                Arrays.stream(coldMillis).mapToObj(m -> String.format("%.0f", m)).collect(Collectors.joining(", "))));
        long lastAccepted = System.nanoTime();
        for (int b = 0; b < awaited.size(); b++) {
            JsonObject done = Batches.awaitFinished(tenants.get(1 + b).api(server.base()), awaited.get(b),
                    Duration.ofMinutes(30));
            if (done.getInt("completed") != ScaleData.IMAGES_PER_SPACE) {
                throw new AssertionError("Batch " + awaited.get(b) + " did not complete every member: " + done);
            }
            report.append(String.format("%-34s %d of %d members completed, %.0f s after the last batch was accepted%n",
                    "batch " + (b + 1) + (b == 0 ? " (new images)" : " (re-queued)"), done.getInt("completed"),
                    ScaleData.IMAGES_PER_SPACE, (System.nanoTime() - lastAccepted) / 1e9));
        }
    }

    private static HttpRequest signed(Tenant tenant, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization(tenant)).build();
    }

    private static String authorization(Tenant tenant) {
        return "Basic " + Base64.getEncoder().encodeToString((tenant.key() + ":" + tenant.secret())
                .getBytes(StandardCharsets.UTF_8));
    }
}
