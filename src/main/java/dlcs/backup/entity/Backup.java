package dlcs.backup.entity;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A backup just taken: the directory it is in (a data directory a server can start from), when
 * the database was copied, and what else went in.
 *
 * @param databaseBytes size of the database copy
 * @param storage the derivatives copied, or null where they are not in a directory (a bucket)
 * @param keyFiles the files of keys copied from the data directory (credentials.key, admin-key.txt, node-token)
 */
public record Backup(Path directory, Instant taken, long databaseBytes, Copied storage, List<String> keyFiles) {

    public Backup {
        keyFiles = List.copyOf(keyFiles);
    }

    /** Files copied: how many, their bytes, and whether as hard links (no space taken) or as copies. */
    public record Copied(long files, long bytes, boolean linked) {
    }
}
