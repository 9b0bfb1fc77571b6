package dlcs.backup.control;

import dlcs.common.ConflictException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;

/**
 * A consistent copy of the running H2 database through the server's own datasource: H2's
 * {@code BACKUP TO} copies the database file while others read and write it, and the copy holds
 * exactly what had committed (H2 copies its transaction log with it). The zip H2 writes is
 * unpacked into {@code database/}, so that the backup is laid out as a data directory is. A
 * PostgreSQL database is not this server's to copy: pg_dump does that (README "Backup and restore").
 */
@ApplicationScoped
public class DatabaseCopy {

    /** The names H2 gives the files of a database: no directories, nothing to climb out with. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    /** The persistence unit's datasource (META-INF/persistence.xml). */
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    /** Fails with a 409 unless the database is H2, which this server can copy while it runs. */
    public void requireH2() {
        String product;
        try (Connection connection = database.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer", e);
        }
        if (!"H2".equals(product)) {
            throw new ConflictException("This server's database is " + product + ", which the server does not copy"
                    + " itself: back it up with pg_dump, then copy the derivatives (README, Backup and restore).");
        }
    }

    /** The bytes the live database takes, in {@code databaseDirectory}: what a copy will take. */
    public long size(Path databaseDirectory) {
        if (!Files.isDirectory(databaseDirectory)) {
            return 0;
        }
        try (var files = Files.list(databaseDirectory)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total = Math.addExact(total, Files.size(file));
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + databaseDirectory, e);
        }
    }

    /** Copies the database into {@code target} (a new, empty directory); returns the bytes written. */
    public long copyInto(Path target) throws IOException {
        Path zip = target.resolveSibling(target.getFileName() + ".zip");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // a path of the server's own making (the backup directory and a timestamp), quoted for SQL
            statement.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IOException("H2 could not back up the database: " + e.getMessage(), e);
        }
        try {
            return unpack(zip, target);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static long unpack(Path zip, Path target) throws IOException {
        long bytes = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!FILE_NAME.matcher(entry.getName()).matches() || entry.getName().startsWith(".")) {
                    throw new IOException("H2's backup holds an unexpected entry: " + entry.getName());
                }
                bytes = Math.addExact(bytes, Files.copy(in, target.resolve(entry.getName())));
            }
        }
        return bytes;
    }
}
