package dlcs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The provisioned WildFly (target/wildfly-*) started as a separate process, the way the run
 * command starts it, in its own base directory and port offset, so that a test can stop it,
 * kill it with SIGKILL, and start it again on the same data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private final Path jbossHome = Path.of(System.getProperty("jboss.home"));
    private final Path work;
    private final Path dataDir;
    private final int portOffset;
    private final List<String> properties;
    private String heap = "512m";
    private String configuration = "standalone-full.xml";
    private Process process;
    private int starts;

    public ServerProcess(Path work, Path dataDir, int portOffset, List<String> properties) {
        this.work = work;
        this.dataDir = dataDir;
        this.portOffset = portOffset;
        this.properties = List.copyOf(properties);
        prepareBaseDirectory();
    }

    /** The server's maximum heap, as for -Xmx (512m unless changed before {@link #start}). */
    public ServerProcess withHeap(String maximum) {
        this.heap = maximum;
        return this;
    }

    /**
     * The server configuration to start with, from the provisioned server's
     * standalone/configuration: standalone-full.xml (the default: embedded broker) or
     * standalone-cluster.xml (a node of a cluster, see server-config/remote-broker.cli).
     */
    public ServerProcess withConfiguration(String serverConfiguration) {
        this.configuration = serverConfiguration;
        return this;
    }

    /** The server's JVM, once started. */
    public ProcessHandle jvm() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElse(process.toHandle());
    }

    public URL base() {
        try {
            return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return work.resolve("base/log/server.log");
    }

    /** The server's standard output of its latest start, which outlives {@link #replaceServerDirectory}. */
    public Path console() {
        return work.resolve("console-" + starts + ".log");
    }

    public void start() throws IOException, InterruptedException {
        if (answers()) {
            throw new IllegalStateException("Something already answers at " + base() + ": a server left running by"
                    + " an earlier, interrupted run? Stop it first.");
        }
        List<String> command = new ArrayList<>(List.of("sh", jbossHome.resolve("bin/standalone.sh").toString(),
                "-c", configuration,
                "-Djboss.server.base.dir=" + work.resolve("base"),
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Ddlcs.data-dir=" + dataDir));
        properties.forEach(p -> command.add("-D" + p));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("console-" + (++starts) + ".log").toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx" + heap + " -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true"
                + " -Djboss.modules.system.pkgs=org.jboss.byteman " + System.getProperty("server.jvm-options", ""));
        builder.environment().remove("DLCS_DATA_DIR");
        process = builder.start();
        awaitDeployment(Duration.ofSeconds(240));
    }

    /** A graceful stop (SIGTERM to the JVM), as an operator would do. */
    public void stop() throws InterruptedException {
        signal(false);
    }

    /** SIGKILL: the JVM gets no chance to flush or clean up. */
    public void kill() throws InterruptedException {
        signal(true);
    }

    private void signal(boolean force) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        for (ProcessHandle handle : tree) {
            if (force) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(90, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
            }
        }
        process = null;
    }

    /**
     * Deletes the server's own directory (configuration, deployments, its data/ and log/) and
     * lays it out afresh, as {@code mvn clean} and a new build, or an upgrade, do: only the
     * data directory is kept. The server must be stopped.
     */
    public void replaceServerDirectory() throws IOException {
        if (process != null) {
            throw new IllegalStateException("Stop the server first");
        }
        Path base = work.resolve("base");
        if (Files.exists(base)) {
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        prepareBaseDirectory();
    }

    private void awaitDeployment(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited during start; see " + work);
            }
            if (answers()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not deploy the application within " + timeout + "; see " + log());
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) base().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            return connection.getResponseCode() == 200;
        } catch (IOException notListening) {
            return false;
        }
    }

    private void prepareBaseDirectory() {
        try {
            Path configuration = Files.createDirectories(work.resolve("base/configuration"));
            try (Stream<Path> files = Files.list(jbossHome.resolve("standalone/configuration"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, configuration.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path deployments = Files.createDirectories(work.resolve("base/deployments"));
            Files.copy(Path.of(System.getProperty("dlcs.war")), deployments.resolve("dlcs.war"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
