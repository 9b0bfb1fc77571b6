package dlcs.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Bulk-loads the scale benchmark's rows straight into PostgreSQL, in the schema the server's
 * Flyway migrations made, with {@code INSERT ... SELECT generate_series}: a million rows through
 * the API would take the ingest's days, and these take about a minute.
 *
 * <p>Every customer made through the API gets {@value #SPACES} spaces (its first one included)
 * of {@value #IMAGES_PER_SPACE} images, each space queued as one finished batch with a member per
 * image. An image belongs to one of the space's books ({@code string1} {@code volume-0},
 * {@code volume-1}, ... of {@value #PAGES} pages, {@code number1} the page) and has tags, as a
 * digitisation workflow registers them. Its derivative columns (size, media type, storage
 * version and bytes) are those of a few images the server really ingested, so that listings,
 * manifests and usage see the rows a real ingest leaves; the loaded images have no files of their
 * own, so their tiles are not served.
 */
final class ScaleData {

    static final int SPACES = 10;
    static final int IMAGES_PER_SPACE = 1_000;
    static final int PAGES = 500;

    private final String url;
    private final String user;
    private final String password;

    ScaleData(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Loads the rows for {@code customers}, copying the derivative columns of the images
     * {@code templates} ("customer/space/id" keys, ingested and finished) in turn; answers the
     * first loaded batch's id (the others follow it, one per space in customer and space order).
     */
    long load(List<Long> customers, List<String> templates) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL synchronous_commit = off");
            s.execute("CREATE TEMP TABLE scale_customer (id BIGINT PRIMARY KEY) ON COMMIT DROP");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO scale_customer VALUES (?)")) {
                for (long customer : customers) {
                    insert.setLong(1, customer);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("CREATE TEMP TABLE scale_template (ord BIGINT, WIDTH INTEGER, HEIGHT INTEGER, MEDIATYPE VARCHAR(100),"
                    + " STORAGEVERSION VARCHAR(64), DERIVATIVEBYTES BIGINT, THUMBNAILBYTES BIGINT) ON COMMIT DROP");
            try (PreparedStatement copy = c.prepareStatement("INSERT INTO scale_template SELECT row_number() OVER"
                    + " (ORDER BY IMAGE_KEY) - 1, WIDTH, HEIGHT, MEDIATYPE, STORAGEVERSION, DERIVATIVEBYTES, THUMBNAILBYTES"
                    + " FROM IMAGE WHERE IMAGE_KEY = ANY (?) AND FINISHED IS NOT NULL AND STORAGEVERSION IS NOT NULL")) {
                copy.setArray(1, c.createArrayOf("varchar", templates.toArray()));
                copy.executeUpdate();
            }
            long kinds = count(s, "SELECT count(*) FROM scale_template");
            if (kinds == 0) {
                throw new IllegalStateException("None of " + templates + " is an ingested image");
            }
            // the spaces beyond each customer's first, at the numbers the API would give them
            s.execute("INSERT INTO SPACE (SPACE_KEY, CREATED, CUSTOMER, MAXUNAUTHORISED, NAME, NUMBER, VERSION)"
                    + " SELECT c.id || '/' || n, LOCALTIMESTAMP, c.id, -1, 'scale space ' || n, n, 1"
                    + " FROM scale_customer c CROSS JOIN generate_series(2, " + SPACES + ") n");
            s.execute("CREATE TEMP TABLE scale_space ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY CUSTOMER, NUMBER)"
                    + " - 1 AS ord, CUSTOMER, NUMBER FROM SPACE WHERE CUSTOMER IN (SELECT id FROM scale_customer)");
            // batch ids above every id the server has handed out or holds in its block of ten
            long firstBatch = count(s, "SELECT NEXT_VALUE FROM ID_SEQUENCE WHERE NAME = 'BATCH'") + 10;
            long spaces = count(s, "SELECT count(*) FROM scale_space");
            s.execute("UPDATE ID_SEQUENCE SET NEXT_VALUE = " + (firstBatch + spaces + 10) + " WHERE NAME = 'BATCH'");
            String when = "LOCALTIMESTAMP - interval '30 days' + (sp.ord * interval '10 minutes')";
            s.execute("INSERT INTO BATCH (ID, COMPLETED, COUNT, CUSTOMER, ERRORS, FINISHED, PRIORITY, SUBMITTED,"
                    + " SUPERSEDEDCOUNT) SELECT " + firstBatch + " + sp.ord, " + IMAGES_PER_SPACE + ", "
                    + IMAGES_PER_SPACE + ", sp.CUSTOMER, 0, " + when + " + interval '9 minutes', FALSE, " + when
                    + ", 0 FROM scale_space sp");
            s.execute("INSERT INTO IMAGE (IMAGE_KEY, BATCH, CREATED, CUSTOMER, DEQUEUED, DERIVATIVEBYTES, FINISHED, HEIGHT,"
                    + " IMAGE_ID, INGESTING, MAXUNAUTHORISED, MEDIATYPE, NUMBER1, NUMBER2, NUMBER3, ORIGIN, QUEUED, SPACE,"
                    + " STORAGEVERSION, STRING1, STRING2, TAGS, THUMBNAILBYTES, THUMBNAILPOLICY, VERSION, WIDTH)"
                    + " SELECT sp.CUSTOMER || '/' || sp.NUMBER || '/' || i.id, " + firstBatch + " + sp.ord, " + when + ", sp.CUSTOMER,"
                    + " " + when + ", t.DERIVATIVEBYTES, " + when + " + interval '5 minutes', t.HEIGHT, i.id, FALSE, -1,"
                    + " t.MEDIATYPE, i.page, i.n, 0, 'https://masters.example.org/' || sp.CUSTOMER || '/' || i.id || '.tif',"
                    + " " + when + ", sp.NUMBER, t.STORAGEVERSION, 'volume-' || i.volume, 'shelfmark ' || sp.ord || '.' || i.volume,"
                    + " ',digitised,' || CASE WHEN i.n % 10 = 0 THEN 'colour-plate,' ELSE 'text,' END, t.THUMBNAILBYTES,"
                    + " 'default', 2, t.WIDTH"
                    + " FROM scale_space sp CROSS JOIN (SELECT n, (n - 1) / " + PAGES + " AS volume, (n - 1) % " + PAGES + " + 1 AS page,"
                    + " 'v' || ((n - 1) / " + PAGES + ") || '-p' || lpad(((n - 1) % " + PAGES + " + 1)::text, 4, '0') AS id"
                    + " FROM generate_series(1, " + IMAGES_PER_SPACE + ") n) i"
                    + " JOIN scale_template t ON t.ord = i.n % " + kinds);
            s.execute("INSERT INTO BATCH_MEMBER (MEMBER_KEY, ATTEMPT_STARTED, ATTEMPTS, BATCH, ENDED, IMAGE_KEY, POSITION,"
                    + " SENT, STATUS, VERSION) SELECT i.BATCH || ':' || i.IMAGE_KEY, i.DEQUEUED, 1, i.BATCH, i.FINISHED,"
                    + " i.IMAGE_KEY, i.NUMBER2 - 1, i.QUEUED, 'COMPLETED', 2 FROM IMAGE i WHERE i.BATCH >= " + firstBatch
                    + " AND i.BATCH < " + (firstBatch + spaces));
            c.commit();
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE");
            return firstBatch;
        }
    }

    /** Each of the images {@code keys} names: its size and its stored bytes (pyramid and thumbnails). */
    String storedBytes(List<String> keys) throws SQLException {
        StringBuilder lines = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement q = c.prepareStatement(
                "SELECT WIDTH, HEIGHT, DERIVATIVEBYTES, THUMBNAILBYTES FROM IMAGE WHERE IMAGE_KEY = ANY (?) ORDER BY IMAGE_KEY")) {
            q.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    double megapixels = r.getLong(1) * r.getLong(2) / 1e6;
                    lines.append(String.format("ingested                           %dx%d (%.0f MP): pyramid %.1f MB (%.2f MB per MP),"
                                    + " thumbnails %.2f MB%n", r.getInt(1), r.getInt(2), megapixels, r.getLong(3) / 1e6,
                            r.getLong(3) / 1e6 / megapixels, r.getLong(4) / 1e6));
                }
            }
        }
        return lines.toString();
    }

    /** The database's size on disk, tables and indexes, and the IMAGE and BATCH_MEMBER tables' own with their indexes. */
    String sizes() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            return String.format("database                           %.2f GB on disk: IMAGE %.2f GB, BATCH_MEMBER %.2f GB"
                            + " (each with its indexes)%n", count(s, "SELECT pg_database_size(current_database())") / 1e9,
                    count(s, "SELECT pg_total_relation_size('image')") / 1e9,
                    count(s, "SELECT pg_total_relation_size('batch_member')") / 1e9);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
