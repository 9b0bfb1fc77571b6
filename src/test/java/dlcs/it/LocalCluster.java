package dlcs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A cluster on one machine, each part a separate process or server on 127.0.0.1, as it would be
 * on separate hosts: PostgreSQL, a standalone Artemis broker, an S3-compatible store and two
 * WildFly nodes running the same WAR with standalone-cluster.xml (server-config/remote-broker.cli).
 * {@code mvn -Pcluster package} runs {@link #main}; ClusterIT starts one on other ports.
 *
 * <p>Everything the cluster keeps is under one root directory: {@code postgres/}, {@code broker/}
 * (the broker instance and its journal), {@code s3/} (the buckets), {@code node-a/} and
 * {@code node-b/} (each node's data directory: its transaction log and scratch space), and the
 * secrets every node shares, made once: {@code credentials.key} (origin credentials) and
 * {@code cluster-secrets.properties} (the broker's and the store's passwords). The servers' own
 * files (configuration, deployment, logs) are under a work directory, as the run command keeps
 * them in target/.
 */
public final class LocalCluster implements AutoCloseable {

    /** Where the parts listen: the nodes at 8080 plus their port offsets. */
    public record Ports(int postgres, int broker, int s3, int firstNodeOffset, int nodeOffsetStep) {
    }

    /** Ports of {@code mvn -Pcluster package}: nodes on 8080 and 8180. */
    public static final Ports RUN_PORTS = new Ports(15432, 61616, 9000, 0, 100);

    static final String BUCKET = "dlcs-derivatives";
    static final String BROKER_USER = "dlcs";
    static final String S3_ACCESS_KEY = "dlcs";

    private final Path root;
    private final Path work;
    private final Ports ports;
    private final List<String> nodeSettings;
    private final String nodeHeap;
    private final List<ServerProcess> nodes = new CopyOnWriteArrayList<>();
    private LocalPostgres postgres;
    private ArtemisBroker broker;
    private LocalS3Store s3;

    /**
     * @param root         the cluster's state (see the class comment)
     * @param work         the servers' own directories
     * @param nodeSettings system properties ({@code name=value}) every node and the broker get
     */
    public LocalCluster(Path root, Path work, Ports ports, List<String> nodeSettings, String nodeHeap) {
        this.root = root;
        this.work = work;
        this.ports = ports;
        this.nodeSettings = List.copyOf(nodeSettings);
        this.nodeHeap = nodeHeap;
    }

    /**
     * {@code mvn -Pcluster package}: starts a cluster whose state is under {@code DLCS_DATA_DIR}
     * (else {@code -Ddlcs.cluster.data-dir}), and stops every part on Ctrl-C.
     */
    public static void main(String[] args) throws Exception {
        String configured = System.getenv("DLCS_DATA_DIR");
        Path root = Path.of(configured == null || configured.isBlank()
                ? System.getProperty("dlcs.cluster.data-dir") : configured).toAbsolutePath();
        LocalCluster cluster = new LocalCluster(root, Path.of(System.getProperty("dlcs.cluster.work-dir")),
                RUN_PORTS, List.of(), System.getProperty("dlcs.cluster.node-heap", "768m"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
                System.out.println("The cluster has stopped.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("Starting PostgreSQL, the broker, the S3 store and two nodes; state in " + root);
        try {
            cluster.start();
        } catch (Exception e) {
            System.err.println("The cluster did not start: " + e.getMessage());
            System.exit(1); // the shutdown hook stops what did start
        }
        System.out.println(cluster.describe());
        new CountDownLatch(1).await();
    }

    private String describe() {
        StringBuilder text = new StringBuilder("The cluster is up, its state in ").append(root).append('\n');
        for (int i = 0; i < nodes.size(); i++) {
            text.append("  node ").append((char) ('A' + i)).append("  ").append(nodes.get(i).base())
                    .append("  (log ").append(nodes.get(i).log()).append(")\n");
        }
        text.append("  PostgreSQL ").append(postgres.jdbcUrl()).append(", broker tcp://127.0.0.1:").append(broker.port())
                .append(", S3 ").append(s3.endpoint()).append(" (bucket ").append(BUCKET).append(")\n");
        Path generated = root.resolve("node-a/admin-key.txt");
        text.append(System.getenv("DLCS_ADMIN_KEY") != null ? "Administrator key: DLCS_ADMIN_KEY"
                : "Administrator key and secret: " + generated).append('\n');
        return text.append("Ctrl-C stops everything.").toString();
    }

    /** Starts the shared parts, then node A, then node B (one at a time: each migrates the schema if need be). */
    public LocalCluster start() throws IOException, InterruptedException {
        Files.createDirectories(root);
        Secrets secrets = Secrets.of(root);
        postgres = LocalPostgres.start(root.resolve("postgres"), ports.postgres());
        broker = new ArtemisBroker(Path.of(System.getProperty("artemis.home")), root.resolve("broker"),
                ports.broker(), BROKER_USER, secrets.brokerPassword(), queueSettings());
        broker.start();
        s3 = LocalS3Store.start(root.resolve("s3"), ports.s3(), BUCKET, S3_ACCESS_KEY, secrets.s3SecretKey());
        for (String name : List.of("node-a", "node-b")) {
            int offset = ports.firstNodeOffset() + nodes.size() * ports.nodeOffsetStep();
            ServerProcess node = new ServerProcess(work.resolve(name), root.resolve(name), offset, nodeSettings)
                    .withConfiguration("standalone-cluster.xml").withHeap(nodeHeap)
                    .withEnvironment(nodeEnvironment(name, secrets));
            nodes.add(node);
            node.start();
        }
        return this;
    }

    /** Node A (0) or node B (1). */
    public ServerProcess node(int index) {
        return nodes.get(index);
    }

    public ArtemisBroker broker() {
        return broker;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public Path root() {
        return root;
    }

    private Map<String, String> nodeEnvironment(String name, Secrets secrets) {
        Map<String, String> environment = new HashMap<>();
        // each node's own id: also its transaction manager's, so that each recovers only its own work
        environment.put("DLCS_NODE_ID", name);
        environment.put("DLCS_DB_URL", postgres.jdbcUrl());
        environment.put("DLCS_DB_USER", postgres.user());
        environment.put("DLCS_DB_PASSWORD", postgres.password());
        environment.put("DLCS_BROKER_HOST", "127.0.0.1");
        environment.put("DLCS_BROKER_PORT", Integer.toString(broker.port()));
        environment.put("DLCS_BROKER_USER", broker.user());
        environment.put("DLCS_BROKER_PASSWORD", broker.password());
        environment.put("DLCS_ORIGIN_CREDENTIALS_KEY", secrets.credentialsKey());
        environment.put("DLCS_STORAGE_TYPE", "s3");
        environment.put("DLCS_STORAGE_S3_ENDPOINT", s3.endpoint());
        environment.put("DLCS_STORAGE_S3_BUCKET", BUCKET);
        environment.put("DLCS_STORAGE_S3_PATH_STYLE", "true");
        environment.put("DLCS_STORAGE_S3_ACCESS_KEY", s3.accessKey());
        environment.put("DLCS_STORAGE_S3_SECRET_KEY", s3.secretKey());
        return environment;
    }

    /** The queue settings among the nodes' settings, which broker.xml reads as system properties. */
    private List<String> queueSettings() {
        return nodeSettings.stream().filter(s -> s.startsWith("dlcs.queue.")).toList();
    }

    /** Stops the nodes, then the broker, the store and the database. */
    @Override
    public void close() throws InterruptedException {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
        if (broker != null) {
            broker.stop();
        }
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The secrets every part of the cluster shares, generated once into the root directory. */
    record Secrets(String credentialsKey, String brokerPassword, String s3SecretKey) {

        static Secrets of(Path root) throws IOException {
            Path key = root.resolve("credentials.key");
            if (!Files.exists(key)) {
                writePrivately(key, random(32) + "\n");
            }
            Path passwords = root.resolve("cluster-secrets.properties");
            if (!Files.exists(passwords)) {
                writePrivately(passwords, "broker.password=" + password() + "\ns3.secret-key=" + password() + "\n");
            }
            java.util.Properties read = new java.util.Properties();
            try (var in = Files.newBufferedReader(passwords, StandardCharsets.UTF_8)) {
                read.load(in);
            }
            return new Secrets(Files.readString(key).strip(), read.getProperty("broker.password"),
                    read.getProperty("s3.secret-key"));
        }

        private static String password() {
            byte[] value = new byte[18];
            new SecureRandom().nextBytes(value);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        }

        private static String random(int bytes) {
            byte[] value = new byte[bytes];
            new SecureRandom().nextBytes(value);
            return Base64.getEncoder().encodeToString(value);
        }

        private static void writePrivately(Path file, String content) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
    }
}
