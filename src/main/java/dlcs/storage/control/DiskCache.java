package dlcs.storage.control;

import dlcs.common.CacheCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Byte ranges kept in files under one directory of the node, least recently used first out,
 * within a byte budget. Each entry is one file named by the SHA-256 of its key, written to a
 * temporary name and moved into place, so a reader sees a whole entry or none. On start the
 * directory is read back (partial files deleted, the rest ordered by when last used, which a hit
 * records as the file's modification time) and trimmed to the budget: the cache survives
 * restarts, and a damaged or deleted file is only a miss. Entries larger than an eighth of the
 * budget are not kept.
 */
final class DiskCache {

    private static final Logger LOG = Logger.getLogger(DiskCache.class.getName());
    private static final String PARTIAL = ".partial";

    private final Path directory;
    private final long maxBytes;
    private final LinkedHashMap<String, Long> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private final CacheCounts counts = new CacheCounts();

    /** A cache of at most {@code maxBytes} in {@code directory}; 0 turns it off (and empties the directory). */
    DiskCache(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(directory);
            reload();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + directory + " as the storage cache", e);
        }
    }

    byte[] get(String key) {
        String name = name(key);
        synchronized (this) {
            if (entries.get(name) == null) {
                counts.miss();
                return null;
            }
        }
        Path file = file(name);
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            counts.hit();
            return bytes;
        } catch (IOException gone) {
            // evicted meanwhile, or damaged: a miss
            forget(name);
            counts.miss();
            return null;
        }
    }

    /** How often {@link #get} found what it was asked for. */
    CacheCounts counts() {
        return counts;
    }

    void put(String key, byte[] value) {
        if (value.length > maxBytes / 8) {
            return;
        }
        String name = name(key);
        Path file = file(name);
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), name, PARTIAL);
            Files.write(partial, value);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning("Could not write to the storage cache " + directory + ": " + e.getMessage());
            return;
        }
        List<String> evicted = add(name, value.length);
        evicted.forEach(this::deleteQuietly);
    }

    /** The bytes held now, for tests and logs. */
    synchronized long bytes() {
        return bytes;
    }

    private synchronized List<String> add(String name, long size) {
        Long previous = entries.put(name, size);
        bytes += size - (previous == null ? 0 : previous);
        List<String> evicted = new ArrayList<>();
        Iterator<Map.Entry<String, Long>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<String, Long> out = eldest.next();
            if (!out.getKey().equals(name)) {
                bytes -= out.getValue();
                evicted.add(out.getKey());
                eldest.remove();
            }
        }
        return evicted;
    }

    private synchronized void forget(String name) {
        Long size = entries.remove(name);
        if (size != null) {
            bytes -= size;
        }
    }

    private void reload() throws IOException {
        record Found(String name, long size, long used) {
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory, 2)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(PARTIAL) || !name.matches("[0-9a-f]{64}") || Files.size(file) > maxBytes / 8) {
                    Files.deleteIfExists(file);
                } else {
                    found.add(new Found(name, Files.size(file), Files.getLastModifiedTime(file).toMillis()));
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.used(), b.used()));
        for (Found entry : found) {
            add(entry.name(), entry.size()).forEach(this::deleteQuietly);
        }
    }

    private void deleteQuietly(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (NoSuchFileException gone) {
            // already gone
        } catch (IOException e) {
            LOG.warning("Could not delete " + file(name) + " from the storage cache: " + e.getMessage());
        }
    }

    /** Two levels, so that no directory holds more than a small share of the entries. */
    private Path file(String name) {
        return directory.resolve(name.substring(0, 2)).resolve(name);
    }

    private static String name(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
