package dlcs.it;

import dlcs.it.Api.Tenant;
import jakarta.ws.rs.client.Entity;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work a server does while a backup is taken: a registrar that registers new images, replaces
 * and deletes others (so derivative versions are deleted while the backup runs), and a viewer
 * that asks for tiles. Each registration is noted with the moment its answer came.
 */
final class BackupLoad implements AutoCloseable {

    /** An image registered (201), and when the answer came (System.nanoTime). */
    record Registered(String id, long answeredAt) {
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Queue<Registered> registered = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tiles = new AtomicInteger();
    private final List<Thread> threads;

    /** Starts registering in {@code tenant}'s space, replacing {@code churned}, deleting {@code doomed}, viewing {@code tilePaths}. */
    BackupLoad(URL base, Tenant tenant, List<String> churned, List<String> doomed, List<String> tilePaths) {
        Api api = tenant.api(base);
        DeliveryClient viewer = new DeliveryClient(base);
        threads = List.of(new Thread(() -> register(api, tenant, churned, doomed), "backup-load-registrar"),
                new Thread(() -> view(viewer, tilePaths), "backup-load-viewer"));
        threads.forEach(Thread::start);
    }

    private void register(Api api, Tenant tenant, List<String> churned, List<String> doomed) {
        for (int i = 0; running.get(); i++) {
            String id = "load-" + i;
            int status = api.request(tenant.imagePath(id)).put(Entity.entity(Fixtures.png(200 + i % 50, 150), "image/png"))
                    .getStatus();
            if (status == 201) {
                registered.add(new Registered(id, System.nanoTime()));
            } else {
                failures.add(id + ": " + status);
            }
            String replaced = churned.get(i % churned.size());
            int again = api.request(tenant.imagePath(replaced))
                    .put(Entity.entity(Fixtures.png(300 + i % 40, 200), "image/png")).getStatus();
            if (again != 200 && again != 201) {
                failures.add(replaced + " again: " + again);
            }
            if (i < doomed.size()) {
                int deleted = api.delete(tenant.imagePath(doomed.get(i))).getStatus();
                if (deleted != 204 && deleted != 200) {
                    failures.add("deleting " + doomed.get(i) + ": " + deleted);
                }
            }
        }
    }

    private void view(DeliveryClient viewer, List<String> tilePaths) {
        for (int i = 0; running.get(); i++) {
            String path = tilePaths.get(i % tilePaths.size());
            HttpResponse<byte[]> tile = viewer.get(path);
            if (tile.statusCode() != 200) {
                failures.add(path + ": " + tile.statusCode());
            }
            tiles.incrementAndGet();
        }
    }

    /** The images whose registration was answered before {@code moment} (System.nanoTime). */
    List<String> registeredBefore(long moment) {
        return registered.stream().filter(r -> r.answeredAt() < moment).map(Registered::id).toList();
    }

    int registrations() {
        return registered.size();
    }

    int tiles() {
        return tiles.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }
}
