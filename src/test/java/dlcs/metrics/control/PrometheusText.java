package dlcs.metrics.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scrape in Prometheus text format, read back for tests: each sample's name, labels and
 * value, independently of how the library orders or spells them.
 */
public final class PrometheusText {

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    private PrometheusText(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
            Map<String, String> labels = new TreeMap<>();
            if (brace >= 0) {
                String inside = line.substring(brace + 1, line.lastIndexOf('}'));
                for (String pair : inside.split(",(?=[a-z_]+=\")")) {
                    if (!pair.isEmpty()) {
                        int equals = pair.indexOf('=');
                        labels.put(pair.substring(0, equals), pair.substring(equals + 2, pair.length() - 1));
                    }
                }
            }
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
    }

    public static PrometheusText parse(String text) {
        return new PrometheusText(text);
    }

    /** The sum of the samples named {@code name} that have these labels (name, value pairs); 0 if none. */
    public double sum(String name, String... labels) {
        double sum = 0;
        for (Sample sample : samples) {
            if (sample.name().equals(name) && has(sample, labels)) {
                sum += sample.value();
            }
        }
        return sum;
    }

    /** Whether any sample is named {@code name} with these labels. */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name) && has(sample, labels));
    }

    private static boolean has(Sample sample, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
