package dlcs.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (2 threads, bounded in time) over a rotating list of paths, and reads its figures. */
final class Wrk {

    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 15);
    static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warm-up-seconds", 5);
    private final Path work;
    private int runs;

    /** Requests per second, server CPU per request, latency median and 99th percentile, failed requests. */
    record Result(double rate, double cpuMillisPerRequest, double p50, double p99, long errors) {
    }

    Wrk(Path work) {
        this.work = work;
    }

    static boolean exists(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Loads the server with {@code base + path} for every path in turn for {@code seconds}, measuring
     * nothing: a JVM compiles its hot paths in the first half minute or so under load, and the
     * figures are meant for the steady state a server spends its life in.
     */
    void warmUp(String base, List<String> paths, int connections, int seconds) throws Exception {
        Script script = script(base, paths);
        wrk(script.file(), script.origin(), connections, seconds, 10);
    }

    /** Warms up, then measures {@code base + path} for every path in turn, each thread from its own place. */
    Result run(String base, List<String> paths, int connections, Supplier<Duration> serverCpu) throws Exception {
        Script script = script(base, paths);
        wrk(script.file(), script.origin(), connections, WARM_UP_SECONDS, 10);
        return measure(script, connections, serverCpu, 10);
    }

    /**
     * Measures without warming up, a request that takes longer than {@code timeoutSeconds}
     * counted as failed: for requests so slow that a warm-up would leave the server a backlog.
     */
    Result measure(String base, List<String> paths, int connections, Supplier<Duration> serverCpu,
                   int timeoutSeconds) throws Exception {
        return measure(script(base, paths), connections, serverCpu, timeoutSeconds);
    }

    private Result measure(Script script, int connections, Supplier<Duration> serverCpu, int timeoutSeconds)
            throws Exception {
        Duration before = serverCpu.get();
        String output = wrk(script.file(), script.origin(), connections, SECONDS, timeoutSeconds);
        Duration cpu = serverCpu.get().minus(before);
        long requests = number(output, "(\\d+) requests in");
        long errors = number(output, "Non-2xx or 3xx responses: (\\d+)") + socketErrors(output);
        return new Result(decimal(output, "Requests/sec:\\s+([\\d.]+)"), cpu.toNanos() / 1e6 / Math.max(1, requests),
                millis(output, "50%"), millis(output, "99%"), errors);
    }

    /** A wrk script that requests the paths in turn, and the server it sends them to. */
    private record Script(Path file, String origin) {
    }

    private Script script(String base, List<String> paths) throws IOException {
        if (!exists("wrk")) {
            throw new IllegalStateException("wrk is not installed: run src/benchmark/iiif.sh, which installs it.");
        }
        Path list = work.resolve("paths-" + (++runs) + ".txt");
        String origin = base.substring(0, base.indexOf('/', base.indexOf("//") + 2));
        String prefix = base.substring(origin.length());
        Files.write(list, paths.stream().map(p -> prefix + p).toList());
        Path script = work.resolve("rotate-" + runs + ".lua");
        Files.writeString(script, """
                local paths = {}
                for line in io.lines("%s") do paths[#paths + 1] = line end
                local counter = 0
                local id = 0
                setup = function(thread) thread:set("id", id); id = id + 1 end
                init = function(args) counter = math.floor(#paths / 2) * id end
                request = function()
                  counter = counter + 1
                  return wrk.format("GET", paths[(counter %% #paths) + 1])
                end
                """.formatted(list));
        return new Script(script, origin);
    }

    private static String wrk(Path script, String origin, int connections, int seconds, int timeoutSeconds)
            throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", timeoutSeconds + "s", "-s", script.toString(), origin).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    private static long number(String output, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long socketErrors(String output) {
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(output);
        return m.find() ? Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3))
                + Long.parseLong(m.group(4)) : 0;
    }

    private static double decimal(String output, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** A latency percentile line of wrk --latency ("50%  1.23ms"), in milliseconds. */
    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
