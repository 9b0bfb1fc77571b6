package dlcs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts and stops the PostgreSQL that {@code mvn -Ppostgres verify} runs the integration tests
 * against (exec:java before and after them): {@code start DIRECTORY PORT} makes a fresh cluster
 * in DIRECTORY and leaves it running, {@code stop DIRECTORY} stops it.
 */
public final class PostgresForBuild {

    private PostgresForBuild() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[1]);
        switch (args[0]) {
            case "start" -> {
                LocalPostgres.stop(directory);
                deleteRecursively(directory);
                LocalPostgres postgres = LocalPostgres.start(directory, Integer.parseInt(args[2]));
                System.out.println("PostgreSQL for the tests at " + postgres.jdbcUrl() + " (" + directory + ")");
            }
            case "stop" -> LocalPostgres.stop(directory);
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
