package dlcs.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone ActiveMQ Artemis broker on 127.0.0.1, the one the nodes of a cluster share: the
 * distribution unpacked by the build ({@code artemis.home}), and an instance of it made once in
 * a directory with {@code artemis create} (login required), with the DLCS queues' redelivery
 * and dead-letter settings (server-config/artemis-address-settings.xml) in its broker.xml. The
 * instance keeps its journal, so a restart finds every message the broker had accepted.
 */
public final class ArtemisBroker implements AutoCloseable {

    private static final String SETTINGS_MARK = "<!-- DLCS queues -->";

    private final Path home;
    private final Path instance;
    private final int port;
    private final String user;
    private final String password;
    private final List<String> systemProperties;
    private Process process;
    private int starts;

    /**
     * @param systemProperties {@code name=value} for the broker's JVM, such as the queue
     *                         settings that broker.xml reads ({@code dlcs.queue.redelivery-delay-ms})
     */
    public ArtemisBroker(Path home, Path instance, int port, String user, String password,
                         List<String> systemProperties) {
        this.home = home;
        this.instance = instance;
        this.port = port;
        this.user = user;
        this.password = password;
        this.systemProperties = List.copyOf(systemProperties);
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The broker's standard output of its latest start. */
    public Path console() {
        return instance.resolve("log/console-" + starts + ".log");
    }

    /** Makes the instance if it is not there yet, starts the broker, and returns once it accepts connections. */
    public void start() throws IOException, InterruptedException {
        if (accepts()) {
            throw new IllegalStateException("Something already listens on 127.0.0.1:" + port
                    + ": a broker left running by an earlier, interrupted run? Stop it first.");
        }
        if (!Files.exists(instance.resolve("etc/broker.xml"))) {
            create();
        }
        Files.createDirectories(instance.resolve("log"));
        starts++;
        ProcessBuilder builder = new ProcessBuilder(ProcessTrees.deafToInterrupt(instance.resolve("bin/artemis").toString(), List.of("run")))
                .redirectErrorStream(true).redirectOutput(console().toFile());
        List<String> javaArgs = new ArrayList<>(List.of("-Xms64m", "-Xmx384m", "-XX:+UseG1GC",
                "-Dlog4j2.disableJmx=true", "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"));
        systemProperties.forEach(p -> javaArgs.add("-D" + p));
        builder.environment().put("JAVA_ARGS", String.join(" ", javaArgs));
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The broker did not start; see " + console());
            }
            Thread.sleep(200);
        }
    }

    /** A graceful stop (SIGTERM): the broker closes its journal and its connections. */
    public void stop() throws InterruptedException {
        signal(false);
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        signal(true);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void signal(boolean force) throws InterruptedException {
        if (process == null) {
            return;
        }
        ProcessTrees.end(process, force, 60);
        process = null;
    }

    private void create() throws IOException, InterruptedException {
        Files.createDirectories(instance.getParent());
        Path log = instance.getParent().resolve(instance.getFileName() + "-create.log");
        Process create = new ProcessBuilder("sh", home.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--host", "127.0.0.1", "--default-port", Integer.toString(port),
                "--require-login", "--user", user, "--password", password,
                "--silent", "--no-web", "--no-autotune", "--nio",
                "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException("artemis create failed; see " + log);
        }
        addQueueSettings(instance.resolve("etc/broker.xml"));
    }

    /** Puts the DLCS queues' address settings first in broker.xml's address-settings, once. */
    static void addQueueSettings(Path brokerXml) throws IOException {
        String broker = Files.readString(brokerXml, StandardCharsets.UTF_8);
        if (broker.contains(SETTINGS_MARK)) {
            return;
        }
        String settings = Files.readString(settingsSnippet(), StandardCharsets.UTF_8);
        int start = broker.indexOf("<address-settings>");
        if (start < 0) {
            throw new IllegalStateException(brokerXml + " has no <address-settings>");
        }
        int at = start + "<address-settings>".length();
        Files.writeString(brokerXml, broker.substring(0, at) + "\n" + SETTINGS_MARK + "\n" + settings
                + broker.substring(at), StandardCharsets.UTF_8);
    }

    private static Path settingsSnippet() {
        return Path.of(System.getProperty("dlcs.server-config", "server-config"))
                .resolve("artemis-address-settings.xml");
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
