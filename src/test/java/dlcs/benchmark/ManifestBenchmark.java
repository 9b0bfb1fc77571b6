package dlcs.benchmark;

import static dlcs.it.Api.json;

import dlcs.it.Api;
import dlcs.it.Api.Tenant;
import dlcs.it.Batches;
import dlcs.it.Fixtures;
import dlcs.it.ServerProcess;
import dlcs.it.TestOrigin;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1,000-canvas manifest, printed (run by src/benchmark/manifest.sh, not by the test suite):
 * 1,000 small images registered as one book (string1 the book, number1 the page, queued in a
 * shuffled order), then its {@code /iiif-resource} manifest through the built-in {@code book}
 * query, asked for one request at a time after a warm-up: the time to the last byte of each
 * answer, in 3.0 and 2.1, and of a revalidation (304).
 */
class ManifestBenchmark {

    private static final int PAGES = Integer.getInteger("benchmark.pages", 1_000);
    private static final int WARM_UP = 100;
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 300);

    @TempDir
    Path work;

    @Test
    void aThousandCanvasManifest() throws Exception {
        List<String> settings = List.of("dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                "dlcs.origin.allow-loopback=true");
        StringBuilder report = new StringBuilder();
        try (TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work, work.resolve("data"), 400, settings)) {
            server.start();
            Tenant tenant = Api.admin(server.base()).newTenant();
            Api api = tenant.api(server.base());
            String page = origin.serveImage("/page.jpg", "image/jpeg", Fixtures.jpeg(60, 90));
            List<Integer> order = new ArrayList<>();
            for (int i = 1; i <= PAGES; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(14));
            JsonArrayBuilder members = Batches.members();
            for (int number : order) {
                members.add(Json.createObjectBuilder().add("id", "page-" + number).add("space", tenant.space())
                        .add("origin", page).add("string1", "bench").add("number1", number));
            }
            String queue = "/customers/" + tenant.customer() + "/queue";
            long q0 = System.nanoTime();
            Batches.awaitFinished(api, Batches.path(json(api.post(queue, Batches.collection(members)))),
                    Duration.ofMinutes(30));
            report.append(String.format("book                    %d pages of 60x90 JPEG, queued shuffled, ingested in"
                    + " %.0f s%n", PAGES, (System.nanoTime() - q0) / 1e9));

            String path = "/iiif-resource/" + tenant.customer() + "/book/" + tenant.space() + "/bench";
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> first = get(http, server.base() + path.substring(1), null);
            int canvases = Json.createReader(new StringReader(new String(first.body(), StandardCharsets.UTF_8)))
                    .readObject().getJsonArray("items").size();
            if (first.statusCode() != 200 || canvases != PAGES) {
                throw new AssertionError("The manifest answered " + first.statusCode() + " with " + canvases
                        + " canvases");
            }
            String etag = first.headers().firstValue("ETag").orElseThrow();
            report.append(String.format("manifest                %s, %d canvases, %.2f MB (3.0)%n", path, canvases,
                    first.body().length / 1e6));
            measure(http, server.base() + path.substring(1), null, "3.0", report);
            measure(http, server.base() + path.replace("/iiif-resource/", "/iiif-resource/v2/").substring(1), null,
                    "2.1", report);
            measure(http, server.base() + path.substring(1), etag, "304 (If-None-Match)", report);
            report.append(String.format("client                  one request at a time, each after %d untimed ones,"
                    + " timed to the last byte%n", WARM_UP));
        }
        System.out.println("\n=== manifest benchmark ===\n" + report);
        Files.writeString(Path.of("target", "benchmark-manifest.txt"), report.toString());
    }

    private static void measure(HttpClient http, String url, String etag, String what, StringBuilder report)
            throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            get(http, url, etag);
        }
        double[] millis = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = get(http, url, etag);
            millis[i] = (System.nanoTime() - t0) / 1e6;
            if (response.statusCode() != (etag == null ? 200 : 304)) {
                throw new AssertionError(url + " answered " + response.statusCode());
            }
        }
        Arrays.sort(millis);
        report.append(String.format("%-23s median %.1f ms, p90 %.1f ms, max %.1f ms (%d requests)%n", what,
                millis[REQUESTS / 2], millis[REQUESTS * 9 / 10], millis[REQUESTS - 1], REQUESTS));
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url, String etag)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
