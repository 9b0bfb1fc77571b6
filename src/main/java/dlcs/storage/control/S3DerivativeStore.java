package dlcs.storage.control;

import dlcs.common.CacheCounts;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Derivatives in an S3-compatible bucket: {@code {prefix}{customer}/{space}/{image id}/{version}/{file}}.
 * A version is written into a staging directory of the node, uploaded once complete, and the
 * staging copy deleted. Reads are byte ranges, each kept in a bounded {@link MemoryCache} and
 * {@link DiskCache} (a version never changes, so a cached range never goes stale; the version
 * in its key tells versions apart). Whether a version still exists is asked of the store at most
 * once per {@code check} interval per version; a version deleted on this node, or found
 * missing by a read, is gone at once.
 */
final class S3DerivativeStore implements DerivativeStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3DerivativeStore.class.getName());
    private static final int MAX_REMEMBERED = 50_000;

    private final S3Objects objects;
    private final String bucket;
    private final String prefix;
    private final Path staging;
    private final MemoryCache memory;
    private final DiskCache disk;
    private final long checkNanos;
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    /** {@code prefix} is empty or ends with '/'; what a killed process left in {@code staging} is deleted. */
    S3DerivativeStore(S3Objects objects, String bucket, String prefix, Path staging, MemoryCache memory,
                      DiskCache disk, Duration check) {
        this.objects = objects;
        this.bucket = bucket;
        this.prefix = prefix;
        this.staging = staging;
        this.memory = memory;
        this.disk = disk;
        this.checkNanos = check.toNanos();
        LocalDerivativeStore.deleteTree(staging);
    }

    @Override
    public Path workDirectory(DerivativeLocation location) {
        return staging.resolve(location.path());
    }

    @Override
    public Map<String, Long> publish(DerivativeLocation location) throws IOException {
        Path directory = workDirectory(location);
        try {
            Map<String, Long> files = LocalDerivativeStore.files(directory);
            for (String name : files.keySet()) {
                objects.put(key(location, name), directory.resolve(name));
            }
            return files;
        } catch (IOException | RuntimeException e) {
            delete(location);
            throw e;
        } finally {
            LocalDerivativeStore.deleteTree(directory);
        }
    }

    @Override
    public StoredDerivative open(DerivativeLocation location) throws IOException {
        String versionPrefix = prefix + location.path() + "/";
        Map<String, Long> files = new TreeMap<>();
        objects.list(versionPrefix, object -> files.put(object.key().substring(versionPrefix.length()), object.size()));
        if (files.isEmpty()) {
            gone(location);
            throw new NoSuchFileException(versionPrefix);
        }
        return new StoredDerivative(location, files, (name, offset, length) -> read(location, name, offset, length));
    }

    @Override
    public void checkReachable() throws IOException {
        objects.any(prefix);
    }

    @Override
    public String type() {
        return "s3";
    }

    @Override
    public Map<String, CacheCounts> caches() {
        return Map.of("storage_memory", memory.counts(), "storage_disk", disk.counts());
    }

    @Override
    public boolean exists(DerivativeLocation location) {
        String path = location.path();
        if (gone.contains(path)) {
            return false;
        }
        long now = System.nanoTime();
        Long checked = confirmed.get(path);
        if (checked != null && now - checked < checkNanos) {
            return true;
        }
        try {
            if (!objects.any(prefix + path + "/")) {
                gone(location);
                return false;
            }
        } catch (IOException e) {
            // the store is unreachable for now: what is known stands until the next check, and
            // reads will say more
            LOG.warning("Could not check " + path + " in the store: " + e.getMessage());
        }
        remember(confirmed.keySet(), path);
        confirmed.put(path, now);
        return true;
    }

    @Override
    public void delete(DerivativeLocation location) {
        gone(location);
        deleteObjects(prefix + location.path() + "/");
        LocalDerivativeStore.deleteTree(workDirectory(location));
    }

    @Override
    public void deleteAll(long customer, int space, String imageId) {
        for (String key : deleteObjects(prefix + DerivativeLocation.imagePath(customer, space, imageId) + "/")) {
            DerivativeLocation version = DerivativeLocation.ofFile(key.substring(prefix.length()));
            if (version != null) {
                gone(version);
            }
        }
    }

    @Override
    public void forEachVersion(Consumer<StoredVersion> action) {
        VersionGroups groups = new VersionGroups(action);
        try {
            objects.list(prefix, object -> groups.add(object.key().substring(prefix.length()), object.modified()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list the derivative store: " + e.getMessage());
        }
        groups.finish();
    }

    @Override
    public void close() {
        objects.close();
    }

    private byte[] read(DerivativeLocation location, String name, long offset, int length) throws IOException {
        String key = key(location, name);
        String cached = bucket + "/" + key + "@" + offset + "+" + length;
        byte[] bytes = memory.get(cached);
        if (bytes != null) {
            return bytes;
        }
        bytes = disk.get(cached);
        if (bytes == null) {
            try {
                bytes = objects.read(key, offset, length);
            } catch (NoSuchFileException e) {
                gone(location);
                throw e;
            }
            disk.put(cached, bytes);
        }
        memory.put(cached, bytes);
        return bytes;
    }

    /** Deletes every object under {@code keyPrefix}; returns their keys. */
    private List<String> deleteObjects(String keyPrefix) {
        List<String> keys = new ArrayList<>();
        try {
            objects.list(keyPrefix, object -> keys.add(object.key()));
            objects.delete(keys);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + keyPrefix + " from the store: " + e.getMessage());
        }
        return keys;
    }

    private void gone(DerivativeLocation location) {
        confirmed.remove(location.path());
        remember(gone, location.path());
        gone.add(location.path());
    }

    /** Keeps the sets of what is known bounded: forgetting costs only a question to the store. */
    private static void remember(Set<String> known, String path) {
        if (known.size() >= MAX_REMEMBERED && !known.contains(path)) {
            known.clear();
        }
    }

    private String key(DerivativeLocation location, String name) {
        return prefix + location.path() + "/" + name;
    }
}
