package dlcs.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server for tests, started from zonky's embedded binaries on 127.0.0.1 at a
 * given port, with its cluster in a given directory: a second start on the same directory
 * finds the data of the first, as a real server would after a restart.
 *
 * <p>It holds one database and one login, both {@value #NAME} (password {@value #NAME}), made
 * on the first start; the database orders text by character codes (collation C), as the README
 * asks of a production database. {@code max_prepared_transactions} is above zero because the server's
 * XA datasource prepares transactions (two-phase commit with the broker).
 */
public final class LocalPostgres implements AutoCloseable {

    static final String NAME = "dlcs";

    private final EmbeddedPostgres server;
    private final int port;

    private LocalPostgres(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts PostgreSQL on 127.0.0.1:{@code port} with its cluster in {@code dataDirectory}. */
    public static LocalPostgres start(Path dataDirectory, int port) {
        refuseIfTaken(port);
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_prepared_transactions", "64")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            LocalPostgres postgres = new LocalPostgres(server, port);
            postgres.createLoginAndDatabase();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory + " on port " + port, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + NAME;
    }

    public String user() {
        return NAME;
    }

    public String password() {
        return NAME;
    }

    public int port() {
        return port;
    }

    /** Stops the server; its data stays in the directory. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the server running on {@code dataDirectory}, whichever process started it (the one
     * that started it may be gone, as when the build starts it in one step and stops it in
     * another): a smart shutdown, as {@code pg_ctl stop -m smart} does, waited for up to a minute.
     */
    public static void stop(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                postmaster.destroy();
                postmaster.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Something already listening on the port would answer the start's readiness check, and the
     * caller would silently get that server (an earlier one left running) instead of this one.
     */
    private static void refuseIfTaken(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByAddress(new byte[]{127, 0, 0, 1}))) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use: a PostgreSQL left running by"
                    + " an earlier, interrupted run? Stop it first (LocalPostgres.stop on its directory).", taken);
        }
    }

    private void createLoginAndDatabase() {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?")) {
                s.execute("create role " + NAME + " login password '" + NAME + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?")) {
                s.execute("create database " + NAME + " owner " + NAME
                        + " encoding 'UTF8' lc_collate 'C' lc_ctype 'C' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the " + NAME + " login and database", e);
        }
    }

    private static boolean exists(Connection c, String query) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(query)) {
            q.setString(1, NAME);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }
}
