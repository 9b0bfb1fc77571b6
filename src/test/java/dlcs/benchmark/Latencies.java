package dlcs.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Times HTTP requests one at a time, to the last byte of each answer, after untimed ones that
 * warm the server's JIT and caches, and tells the median, 95th percentile and maximum. One at a
 * time, because the figure wanted is the latency a client sees, not throughput. The CPU time the
 * server and its database spent per timed request is told too: on a machine shared with other
 * work, latency grows with the machine's load, and CPU time much less.
 */
final class Latencies {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int warmUp;
    private final int requests;
    private final LongSupplier cpuNanos;

    /** {@code cpuNanos}: the CPU time the server and its database have used so far. */
    Latencies(int warmUp, int requests, LongSupplier cpuNanos) {
        this.warmUp = warmUp;
        this.requests = requests;
        this.cpuNanos = cpuNanos;
    }

    /** Times the requests {@code next} makes (given their number), each of which must answer {@code status}. */
    Figures time(IntFunction<HttpRequest> next, int status) throws IOException, InterruptedException {
        for (int i = 0; i < warmUp; i++) {
            send(next.apply(-1 - i), status);
        }
        double[] millis = new double[requests];
        long cpu0 = cpuNanos.getAsLong();
        for (int i = 0; i < requests; i++) {
            HttpRequest request = next.apply(i);
            long t0 = System.nanoTime();
            send(request, status);
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Figures.of(millis, (cpuNanos.getAsLong() - cpu0) / 1e6 / requests);
    }

    /** The answer's body, after checking its status. */
    byte[] send(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != status) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " (expected " + status + "): " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** Median, 95th percentile and maximum of {@code count} timings, and CPU per request, in milliseconds. */
    record Figures(double p50, double p95, double max, int count, double cpu) {

        static Figures of(double[] millis, double cpu) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return new Figures(sorted[(n - 1) / 2], sorted[(int) Math.ceil(n * 0.95) - 1], sorted[n - 1], n, cpu);
        }

        /** One report line: what was measured, its figures, and whether p95 is within {@code targetMillis}. */
        String line(String what, double targetMillis) {
            return String.format("%-34s p50 %6.1f ms, p95 %6.1f ms, max %6.1f ms, CPU %5.1f ms (%d requests; target"
                    + " p95 < %.0f ms: %s)%n", what, p50, p95, max, cpu, count, targetMillis,
                    p95 < targetMillis ? "met" : "MISSED");
        }
    }
}
