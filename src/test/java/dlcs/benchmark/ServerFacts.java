package dlcs.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a benchmark report should say about the server it measured. */
final class ServerFacts {

    private ServerFacts() {
    }

    /** The JPEG codec the server logged that it uses (libjpeg-turbo or ImageIO). */
    static String jpegCodec(Path serverLog) {
        try (Stream<String> lines = Files.lines(serverLog)) {
            return lines.filter(l -> l.contains("JPEG codec: ")).findFirst()
                    .map(l -> l.substring(l.indexOf("JPEG codec: ") + 12)).orElse("(not logged)");
        } catch (IOException e) {
            return "(the server log cannot be read: " + e.getMessage() + ")";
        }
    }

    /** The CPU time {@code process} has used so far, in nanoseconds (0 where the system does not tell). */
    static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /**
     * The CPU time the JIT compiler's threads of {@code process} have used so far, in nanoseconds,
     * from /proc (their utime and stime, in clock ticks of 10 ms); 0 where the system does not tell.
     */
    static long compilerCpuNanos(ProcessHandle process) {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.matches("C[12] CompilerThre.*")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    /**
     * The CPU time the child processes of this JVM that have ended (and been waited for) used, in
     * nanoseconds, from /proc/self/stat (its cutime and cstime, in clock ticks of 10 ms); 0 where
     * the system does not tell.
     */
    static long childrenCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The machine's load average over the last minute, as /proc/loadavg tells it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "(unknown)";
        }
    }
}
