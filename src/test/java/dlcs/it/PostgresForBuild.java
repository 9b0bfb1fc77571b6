package dlcs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts and stops the PostgreSQL of the second run of the integration tests in {@code mvn verify}
 * (exec:java before and after them). {@code start DIRECTORY PORT} empties DIRECTORY and
 * makes a fresh cluster in its {@code cluster/}, left running; the tests' server keeps its data
 * directory in its {@code data/}, so that the two start fresh together (a fresh database beside
 * an old data directory would hand out customer numbers whose files are still there).
 * {@code stop DIRECTORY} stops the cluster.
 */
public final class PostgresForBuild {

    private PostgresForBuild() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[1]);
        Path cluster = directory.resolve("cluster");
        switch (args[0]) {
            case "start" -> {
                LocalPostgres.stop(cluster);
                deleteRecursively(directory);
                LocalPostgres postgres = LocalPostgres.start(cluster, Integer.parseInt(args[2]));
                System.out.println("PostgreSQL for the tests at " + postgres.jdbcUrl() + " (" + cluster + ")");
            }
            case "stop" -> LocalPostgres.stop(cluster);
            default -> throw new IllegalArgumentException("start DIRECTORY PORT, or stop DIRECTORY");
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
