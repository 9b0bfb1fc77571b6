package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.awaitFinished;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Usage figures kept by ingest, storage policies, and the quotas they set, on the real server:
 * the figures are compared with the derivative files the server wrote.
 */
class StorageIT extends ServerTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static String storagePath(Tenant tenant) {
        return "/customers/" + tenant.customer() + "/storage";
    }

    private String register(Tenant tenant, String id, byte[] jpeg) {
        String url = origin().serveImage("/" + tenant.name() + "/" + id + "-" + jpeg.length, "image/jpeg", jpeg);
        return "{\"origin\":\"" + url + "\"}";
    }

    /** The bytes of the image's one derivative version on disk: {derivative, thumbnails}. */
    private static long[] onDisk(Tenant tenant, String id) {
        List<Path> versions = Storage.versions(tenant, id);
        assertEquals(1, versions.size(), "one version of " + id);
        Path version = versions.get(0);
        try (Stream<Path> files = Files.walk(version)) {
            long[] bytes = new long[2];
            files.filter(Files::isRegularFile).forEach(file -> bytes[file.startsWith(version.resolve("thumbs")) ? 1 : 0]
                    += file.toFile().length());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Queues JPEGs {@code prefix}0 to {@code prefix}(n-1), each 10 pixels wider than the last, and
     * waits until the batch has finished; returns it.
     */
    private JsonObject queueAndAwait(Tenant tenant, String prefix, int n, int width, int height)
            throws InterruptedException {
        Api api = tenant.api(base);
        JsonArrayBuilder members = Batches.members();
        for (int i = 0; i < n; i++) {
            members.add(member(tenant.space(), prefix + i, origin().serveImage("/" + tenant.name() + "/" + prefix + i,
                    "image/jpeg", Fixtures.jpeg(width + 10 * i, height))));
        }
        JsonObject batch = json(api.post("/customers/" + tenant.customer() + "/queue", collection(members)));
        return awaitFinished(api, Batches.path(batch), PATIENCE);
    }

    /** The batch has {@code count} errors, each naming {@code limit}, none retried: over quota is not transient. */
    private static void assertErrorsName(Api api, JsonObject batch, int count, String limit) {
        assertEquals(count, batch.getInt("errors"), batch.toString());
        JsonObject errors = json(api.get(Batches.path(batch) + "/images?status=error"));
        assertEquals(count, errors.getInt("totalItems"));
        for (JsonObject failed : errors.getJsonArray("member").getValuesAs(JsonObject.class)) {
            assertTrue(failed.getString("batchMemberError").contains(limit), failed.toString());
            assertEquals(0, failed.getInt("batchMemberAttempts"), failed.toString());
        }
    }

    /** The bytes of images {@code prefix}0 to {@code prefix}(n-1) on disk together, those that were stored. */
    private static long[] onDiskTogether(Tenant tenant, String prefix, int n) {
        long[] together = new long[2];
        for (int i = 0; i < n; i++) {
            if (!Storage.versions(tenant, prefix + i).isEmpty()) {
                long[] disk = onDisk(tenant, prefix + i);
                together[0] += disk[0];
                together[1] += disk[1];
            }
        }
        return together;
    }

    private static void assertFigures(JsonObject storage, long images, long bytes, long thumbnails) {
        assertEquals("CustomerStorage", storage.getString("@type"), storage.toString());
        assertEquals(images, storage.getJsonNumber("numberOfStoredImages").longValue(), storage.toString());
        assertEquals(bytes, storage.getJsonNumber("totalSizeOfStoredImages").longValue(), storage.toString());
        assertEquals(thumbnails, storage.getJsonNumber("totalSizeOfThumbnails").longValue(), storage.toString());
    }

    /** A policy of its own for one test, as the administrator; returns its id. */
    private String policy(Tenant tenant, long images, long bytes) {
        String id = "p-" + tenant.name();
        Response put = Api.admin(base).put("/storagePolicies/" + id, "{\"maximumNumberOfStoredImages\":" + images
                + ",\"maximumTotalSizeOfStoredImages\":" + bytes + "}");
        assertEquals(201, put.getStatus(), put.readEntity(String.class));
        Response patch = Api.admin(base).patch(storagePath(tenant), "{\"storagePolicy\":\"" + id + "\"}");
        assertEquals(200, patch.getStatus(), patch.readEntity(String.class));
        return id;
    }

    @Test
    void figuresFollowRegistrationReRegistrationAndDeletion() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        assertFigures(json(api.get(storagePath(tenant))), 0, 0, 0);

        assertEquals(201, api.put(tenant.imagePath("a"), register(tenant, "a", Fixtures.jpeg(600, 400))).getStatus());
        assertEquals(201, api.put(tenant.imagePath("b"), register(tenant, "b", Fixtures.jpeg(300, 200))).getStatus());
        long[] a = onDisk(tenant, "a");
        long[] b = onDisk(tenant, "b");
        JsonObject imageStorage = json(api.get(tenant.imagePath("a") + "/storage"));
        assertEquals("ImageStorage", imageStorage.getString("@type"));
        assertEquals(a[0], imageStorage.getJsonNumber("size").longValue());
        assertEquals(a[1], imageStorage.getJsonNumber("thumbnailSize").longValue());
        assertTrue(a[0] > 0 && a[1] > 0);
        assertTrue(json(api.get(tenant.imagePath("a"))).getString("storage").endsWith(tenant.imagePath("a") + "/storage"));
        assertFigures(json(api.get(tenant.spacePath() + "/storage")), 2, a[0] + b[0], a[1] + b[1]);
        JsonObject customer = json(api.get(storagePath(tenant)));
        assertFigures(customer, 2, a[0] + b[0], a[1] + b[1]);
        assertTrue(customer.getString("storagePolicy").endsWith("/storagePolicies/default"), customer.toString());

        assertEquals(200, api.put(tenant.imagePath("a"), register(tenant, "a", Fixtures.jpeg(1400, 1000))).getStatus());
        long[] bigger = onDisk(tenant, "a");
        assertTrue(bigger[0] > a[0], "a larger master makes a larger derivative");
        assertFigures(json(api.get(storagePath(tenant))), 2, bigger[0] + b[0], bigger[1] + b[1]);

        assertEquals(204, api.delete(tenant.imagePath("b")).getStatus());
        assertFigures(json(api.get(storagePath(tenant))), 1, bigger[0], bigger[1]);
        assertFigures(json(api.get(tenant.spacePath() + "/storage")), 1, bigger[0], bigger[1]);
    }

    @Test
    void queuedImagesAreCountedWhenTheirDerivativesAreRecorded() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        assertEquals(5, queueAndAwait(tenant, "q", 5, 200, 150).getInt("completed"));
        long[] disk = onDiskTogether(tenant, "q", 5);
        assertFigures(json(api.get(storagePath(tenant))), 5, disk[0], disk[1]);
    }

    @Test
    void policiesAreReadByAnyKeyAndChangedOnlyByAnAdministrator() {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Api api = tenant.api(base);
        String id = "p-" + tenant.name();
        String limits = "{\"maximumNumberOfStoredImages\":10,\"maximumTotalSizeOfStoredImages\":5000000}";

        JsonObject list = json(api.get("/storagePolicies"));
        assertEquals("default", list.getJsonArray("member").getJsonObject(0).getString("id"));
        JsonObject byDefault = json(api.get("/storagePolicies/default"));
        assertEquals("StoragePolicy", byDefault.getString("@type"));
        assertTrue(byDefault.getJsonNumber("maximumNumberOfStoredImages").longValue() > 0);
        assertTrue(byDefault.getJsonNumber("maximumTotalSizeOfStoredImages").longValue() > 0);
        assertEquals(401, Api.anonymous(base).get("/storagePolicies").getStatus());

        assertEquals(403, api.put("/storagePolicies/" + id, limits).getStatus());
        assertEquals(201, admin.put("/storagePolicies/" + id, limits).getStatus());
        JsonObject changed = json(admin.put("/storagePolicies/" + id,
                "{\"maximumNumberOfStoredImages\":20,\"maximumTotalSizeOfStoredImages\":6000000}"));
        assertEquals(20, changed.getInt("maximumNumberOfStoredImages"));
        assertEquals(6000000, json(api.get("/storagePolicies/" + id)).getInt("maximumTotalSizeOfStoredImages"));
        assertEquals(409, admin.put("/storagePolicies/default", limits).getStatus());
        assertEquals(400, admin.put("/storagePolicies/" + id, "{\"maximumNumberOfStoredImages\":-1,"
                + "\"maximumTotalSizeOfStoredImages\":1}").getStatus());
        assertEquals(400, admin.put("/storagePolicies/" + id, "{\"maximumNumberOfStoredImages\":1}").getStatus());
        assertEquals(400, admin.put("/storagePolicies/bad%20id", limits).getStatus());
        assertEquals(404, api.get("/storagePolicies/no-such-policy").getStatus());

        assertEquals(403, api.patch(storagePath(tenant), "{\"storagePolicy\":\"" + id + "\"}").getStatus());
        assertEquals(400, admin.patch(storagePath(tenant), "{\"storagePolicy\":\"no-such-policy\"}").getStatus());
        JsonObject governed = json(admin.patch(storagePath(tenant),
                "{\"storagePolicy\":\"" + admin.url("/storagePolicies/" + id) + "\"}"));
        assertTrue(governed.getString("storagePolicy").endsWith("/storagePolicies/" + id), governed.toString());
        assertEquals(409, admin.delete("/storagePolicies/" + id).getStatus(), "a policy in use stays");
        assertEquals(403, api.delete("/storagePolicies/" + id).getStatus());

        admin.patch(storagePath(tenant), "{\"storagePolicy\":\"default\"}");
        assertEquals(204, admin.delete("/storagePolicies/" + id).getStatus());
        assertEquals(404, api.get("/storagePolicies/" + id).getStatus());
        assertTrue(json(api.get(storagePath(tenant))).getString("storagePolicy").endsWith("/storagePolicies/default"));
    }

    @Test
    void aRegistrationOverTheCountLimitIs507NamingTheLimitAndIsNotFetched() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        policy(tenant, 1, 1_000_000_000);
        assertEquals(201, api.put(tenant.imagePath("a"), register(tenant, "a", Fixtures.jpeg(200, 100))).getStatus());

        String path = "/" + tenant.name() + "/b";
        String origin = origin().serveImage(path, "image/jpeg", Fixtures.jpeg(200, 100));
        Response refused = api.put(tenant.imagePath("b"), "{\"origin\":\"" + origin + "\"}");
        assertEquals(507, refused.getStatus());
        String detail = json(refused).getString("detail");
        assertTrue(detail.contains("maximumNumberOfStoredImages") && detail.contains("at most 1")
                && detail.contains("stores 1 images"), detail);
        assertEquals(0, origin().hits(path), "the count is checked before fetching");
        assertEquals(404, api.get(tenant.imagePath("b")).getStatus(), "a refused registration leaves nothing");

        assertEquals(200, api.put(tenant.imagePath("a"), register(tenant, "a", Fixtures.jpeg(250, 100))).getStatus(),
                "re-registering an image is no new image");
        assertEquals(1, json(api.get(storagePath(tenant))).getInt("numberOfStoredImages"));
    }

    @Test
    void aRegistrationOverTheSizeLimitIs507NamingTheLimit() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        policy(tenant, 100, 1000);
        Response refused = api.put(tenant.imagePath("a"), register(tenant, "a", Fixtures.jpeg(800, 600)));
        assertEquals(507, refused.getStatus());
        String detail = json(refused).getString("detail");
        assertTrue(detail.contains("maximumTotalSizeOfStoredImages") && detail.contains("at most 1000 bytes")
                && detail.contains("stores 0 bytes"), detail);
        assertEquals(404, api.get(tenant.imagePath("a")).getStatus());
        assertEquals(List.of(), Storage.versions(tenant, "a"), "the refused derivative's files are gone");
        assertFigures(json(api.get(storagePath(tenant))), 0, 0, 0);
    }

    @Test
    void queuedMembersOverTheQuotaEndAsErrorsAndTheBatchCountsStayExact() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        policy(tenant, 2, 1_000_000_000);
        JsonObject done = queueAndAwait(tenant, "q", 5, 120, 80);
        assertEquals(2, done.getInt("completed"), done.toString());
        assertErrorsName(api, done, 3, "maximumNumberOfStoredImages");
        assertEquals(2, json(api.get(storagePath(tenant))).getInt("numberOfStoredImages"));
    }

    @Test
    void queuedMembersOverTheSizeLimitEndAsErrorsOnceTheirDerivativesAreMadeAndLeaveNoFiles() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        policy(tenant, 100, 1000);
        JsonObject done = queueAndAwait(tenant, "s", 2, 400, 300);
        assertEquals(0, done.getInt("completed"), done.toString());
        assertErrorsName(api, done, 2, "maximumTotalSizeOfStoredImages");
        assertEquals(List.of(), Storage.versions(tenant, "s0"), "the refused derivative is deleted");
        assertFigures(json(api.get(storagePath(tenant))), 0, 0, 0);
    }

    @Test
    void concurrentRegistrationsDoNotOvershootTheCountLimitNorLoseAnUpdate() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        policy(tenant, 4, 1_000_000_000);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bodies.add(register(tenant, "c" + i, Fixtures.jpeg(100 + i, 80)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String path = tenant.imagePath("c" + i);
                String body = bodies.get(i);
                statuses.add(pool.submit(() -> api.put(path, body).getStatus()));
            }
            int created = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                assertTrue(code == 201 || code == 507, "created or refused, not " + code);
                created += code == 201 ? 1 : 0;
            }
            assertEquals(4, created);
        } finally {
            pool.shutdownNow();
        }
        long[] disk = onDiskTogether(tenant, "c", 10);
        assertFigures(json(api.get(storagePath(tenant))), 4, disk[0], disk[1]);
    }

    @Test
    void aTenantSeesAndChangesNoOtherTenantsStorage() {
        Tenant owner = Api.admin(base).newTenant();
        Tenant other = Api.admin(base).newTenant();
        Api api = owner.api(base);
        assertEquals(201, api.put(owner.imagePath("a"), register(owner, "a", Fixtures.jpeg(200, 100))).getStatus());
        Api intruder = other.api(base);
        assertEquals(403, intruder.get(storagePath(owner)).getStatus());
        assertEquals(403, intruder.get(owner.spacePath() + "/storage").getStatus());
        assertEquals(403, intruder.get(owner.imagePath("a") + "/storage").getStatus());
        assertEquals(403, intruder.patch(storagePath(owner), "{\"storagePolicy\":\"default\"}").getStatus());
        assertEquals(404, api.get(owner.spacePath().replaceAll("/\\d+$", "/999") + "/storage").getStatus());
        assertEquals(404, api.get(owner.imagePath("none") + "/storage").getStatus());
        assertFigures(json(intruder.get(storagePath(other))), 0, 0, 0);
    }
}
