package dlcs.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the server JVM's used heap with jstat. */
final class HeapSampler {
    private final ProcessHandle jvm;
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;
    private volatile Process process;

    HeapSampler(ProcessHandle jvm) {
        this.jvm = jvm;
    }

    void start() {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        // one jstat process printing every 250 ms: a jstat per sample would itself cost a core
        thread = new Thread(() -> {
            try {
                Process p = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(jvm.pid()), "250").start();
                process = p;
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                    String[] names = lines.readLine().trim().split("\\s+");
                    String line;
                    while (running && (line = lines.readLine()) != null) {
                        String[] values = line.trim().split("\\s+");
                        double used = 0;
                        for (int i = 0; i < names.length && i < values.length; i++) {
                            if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                                used += Double.parseDouble(values[i]);
                            }
                        }
                        peak.accumulateAndGet((long) (used * 1024), Math::max);
                    }
                }
            } catch (Exception e) {
                // the figure stays what it was
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        Process p = process;
        if (p != null) {
            p.destroy();
        }
    }

    long peakBytes() {
        return peak.get();
    }
}
