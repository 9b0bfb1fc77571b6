package dlcs.origin.control;

import dlcs.metrics.control.Meters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The figures of origin fetches, by scheme only (never a host or a URL): how long each took,
 * how many bytes came, and how many failed. The schemes are the ones this server fetches; any
 * other is counted as {@code other}.
 */
@ApplicationScoped
public class FetchMeter {

    /** The schemes this server fetches ({@link NetworkRules#SCHEMES}), and {@value #OTHER} for any other. */
    private static final String OTHER = "other";
    static final List<String> LABELS = Stream.concat(NetworkRules.SCHEMES.stream().sorted(), Stream.of(OTHER)).toList();

    @Inject
    Meters meters;

    private final Map<String, Meters.Time> durations = new HashMap<>();
    private final Map<String, Meters.Count> bytes = new HashMap<>();
    private final Map<String, Meters.Count> failures = new HashMap<>();

    @PostConstruct
    void register() {
        for (String scheme : LABELS) {
            durations.put(scheme, meters.timer("dlcs.origin.fetch", "Time to fetch a master from its origin, by"
                    + " scheme (fetches that succeeded)", Duration.ofMillis(1), Duration.ofMinutes(5), "scheme", scheme));
            bytes.put(scheme, meters.counter("dlcs.origin.fetch.bytes", "Bytes fetched from origins, by scheme",
                    "scheme", scheme));
            failures.put(scheme, meters.counter("dlcs.origin.fetch.failures", "Fetches that failed, by scheme",
                    "scheme", scheme));
        }
    }

    /** Made when the application starts, so that the figures are there, at zero, before any fetch. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean registers them
    }

    /** A fetch of a {@code scheme} origin starts now. */
    Fetch start(String scheme) {
        String known = scheme == null ? OTHER : scheme.toLowerCase(Locale.ROOT);
        return new Fetch(NetworkRules.SCHEMES.contains(known) ? known : OTHER, System.nanoTime());
    }

    /** One fetch under way. */
    final class Fetch {
        private final String scheme;
        private final long started;

        private Fetch(String scheme, long started) {
            this.scheme = scheme;
            this.started = started;
        }

        /** The fetch ended with {@code file}, or failed (null). */
        void end(Path file) {
            if (file == null) {
                failures.get(scheme).increment();
                return;
            }
            durations.get(scheme).record(System.nanoTime() - started);
            try {
                bytes.get(scheme).add(Files.size(file));
            } catch (IOException gone) {
                // the caller's file, deleted already: its bytes go uncounted
            }
        }
    }
}
