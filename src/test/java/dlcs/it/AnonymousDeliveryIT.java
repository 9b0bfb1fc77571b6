package dlcs.it;

import static dlcs.it.DeliveryClient.header;
import static dlcs.it.DeliveryClient.image;
import static dlcs.it.DeliveryClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What anonymous callers get from the delivery paths, which is all anyone gets until IIIF Auth:
 * a restricted image (a maxUnauthorised of 0 or more, with or without roles) whole up to its
 * limit and no more, on 3.0, 2.1 and the thumbnails; nothing of an image with roles and no
 * positive maxUnauthorised; open images (no roles, maxUnauthorised -1) as before.
 */
class AnonymousDeliveryIT extends ServerTest {

    private static final byte[] GRID = TestImages.encode(TestImages.grid(1000, 800), "png");

    private DeliveryClient client() {
        return new DeliveryClient(base);
    }

    /** A 1000x800 image registered with {@code metadata} (JSON members after the origin). */
    private String register(Api.Tenant tenant, String id, String metadata) {
        String url = origin().serveImage("/" + tenant.name() + "/" + id + ".png", "image/png", GRID);
        assertEquals(201, tenant.api(base).put(tenant.imagePath(id), "{\"origin\":\"" + url + "\"" + metadata + "}")
                .getStatus());
        return tenant.servicePath(id);
    }

    private static String thumbs(String service) {
        return service.replace("/iiif-img/", "/thumbs/");
    }

    private static String v2(String service) {
        return service.replace("/iiif-img/", "/iiif-img/v2/");
    }

    private void assertRestricted(String path) {
        HttpResponse<byte[]> refused = client().get(path);
        assertEquals(401, refused.statusCode(), path + ": " + new String(refused.body()));
        JsonObject problem = json(refused);
        assertEquals(401, problem.getInt("status"), path);
        assertFalse(problem.getString("detail").isBlank(), path);
        assertEquals("no-store", header(refused, "Cache-Control"), path);
        assertEquals("", header(refused, "ETag"), path);
        assertEquals("*", header(refused, "Access-Control-Allow-Origin"), path);
    }

    private BufferedImage fetch(String path) {
        HttpResponse<byte[]> response = client().get(path);
        BufferedImage image = image(response);
        assertTrue(header(response, "Cache-Control").startsWith("private"), path + ": for the caller alone");
        return image;
    }

    @Test
    void aRestrictedImageIsServedWholeUpToItsMaxUnauthorised() {
        Api.Tenant tenant = Api.admin(base).newTenant();
        String service = register(tenant, "limited", ",\"roles\":[\"staff-only\"],\"maxUnauthorised\":200");

        HttpResponse<byte[]> info = client().get(service + "/info.json");
        assertEquals(200, info.statusCode());
        assertTrue(header(info, "Cache-Control").startsWith("private"));
        JsonObject v3 = json(info);
        assertEquals(200, v3.getInt("maxWidth"));
        assertEquals(200, v3.getInt("maxHeight"));
        assertFalse(v3.containsKey("tiles"), "no tiles: only the full region is served");
        JsonArray sizes = v3.getJsonArray("sizes");
        assertEquals(200, sizes.getJsonObject(sizes.size() - 1).getInt("width"));
        assertEquals(160, sizes.getJsonObject(sizes.size() - 1).getInt("height"));
        JsonObject profile = json(client().get(v2(service) + "/info.json")).getJsonArray("profile").getJsonObject(1);
        assertEquals(200, profile.getInt("maxWidth"));
        assertEquals(200, profile.getInt("maxHeight"));

        assertEquals(200, fetch(service + "/full/max/0/default.jpg").getWidth(), "max is the largest allowed");
        assertEquals(160, fetch(service + "/full/!200,200/0/default.png").getHeight());
        assertEquals(200, fetch(v2(service) + "/full/full/0/default.jpg").getWidth());
        assertEquals(100, fetch(v2(service) + "/full/100,/0/default.jpg").getWidth());
        for (String more : new String[] {"/full/1000,/0/default.jpg", "/full/201,/0/default.jpg",
                "/0,0,256,256/256,/0/default.jpg", "/0,0,512,512/100,/0/default.jpg", "/square/100,/0/default.jpg"}) {
            assertRestricted(service + more);
            assertRestricted(v2(service) + more);
        }

        JsonObject thumbInfo = json(client().get(thumbs(service) + "/info.json"));
        assertEquals(200, thumbInfo.getInt("maxWidth"));
        assertEquals("[{\"width\":100,\"height\":80},{\"width\":200,\"height\":160}]",
                thumbInfo.getJsonArray("sizes").toString());
        assertEquals(200, fetch(thumbs(service) + "/full/max/0/default.jpg").getWidth());
        assertEquals(150, fetch(thumbs(service) + "/full/150,/0/default.jpg").getWidth());
        assertRestricted(thumbs(service) + "/full/400,/0/default.jpg");
        assertRestricted(thumbs(service) + "/full/201,/0/default.jpg");
    }

    @Test
    void anImageWithRolesAndNoPositiveMaxUnauthorisedIsNotServedAtAll() {
        Api.Tenant tenant = Api.admin(base).newTenant();
        for (String service : new String[] {
            register(tenant, "zero", ",\"roles\":[\"staff-only\"],\"maxUnauthorised\":0"),
            register(tenant, "closed", ",\"roles\":[\"staff-only\"],\"maxUnauthorised\":-1")}) {
            for (String path : new String[] {service + "/info.json", v2(service) + "/info.json",
                    service + "/full/max/0/default.jpg", service + "/full/1,/0/default.jpg",
                    v2(service) + "/full/full/0/default.jpg", service + "/0,0,256,256/256,/0/default.jpg",
                    thumbs(service) + "/info.json", thumbs(service) + "/full/100,/0/default.jpg",
                    thumbs(service) + "/full/max/0/default.jpg"}) {
                assertRestricted(path);
            }
        }
    }

    @Test
    void aMaxUnauthorisedLimitsAnonymousCallersEvenWithoutRoles() {
        Api.Tenant tenant = Api.admin(base).newTenant();
        String limited = register(tenant, "limited-no-roles", ",\"maxUnauthorised\":200");
        assertEquals(200, json(client().get(limited + "/info.json")).getInt("maxWidth"));
        assertEquals(200, fetch(limited + "/full/max/0/default.jpg").getWidth());
        assertRestricted(limited + "/full/400,/0/default.jpg");
        assertRestricted(limited + "/0,0,256,256/256,/0/default.jpg");
        assertRestricted(thumbs(limited) + "/full/400,/0/default.jpg");
        String none = register(tenant, "zero-no-roles", ",\"maxUnauthorised\":0");
        for (String path : new String[] {none + "/info.json", v2(none) + "/full/full/0/default.jpg",
                none + "/full/1,/0/default.jpg", thumbs(none) + "/info.json"}) {
            assertRestricted(path);
        }
    }

    @Test
    void openImagesAreServedAsBeforeAndAChangeOfRestrictionIsSeenAtOnce() {
        Api.Tenant tenant = Api.admin(base).newTenant();
        // -1, the default, is open when the image has no roles
        String service = register(tenant, "open", ",\"maxUnauthorised\":-1");
        HttpResponse<byte[]> info = client().get(service + "/info.json");
        assertTrue(json(info).containsKey("tiles"));
        assertEquals("public, max-age=86400", header(info, "Cache-Control"));
        HttpResponse<byte[]> tile = client().get(service + "/0,0,256,256/256,/0/default.jpg");
        assertEquals(256, image(tile).getWidth());
        assertEquals("public, max-age=86400", header(tile, "Cache-Control"));
        // asked again, a stored tile of an image this node knows takes the short path (StoredTileHandler)
        assertArrayEquals(tile.body(), client().get(service + "/0,0,256,256/256,/0/default.jpg").body());
        assertEquals(1000, image(client().get(service + "/full/max/0/default.jpg")).getWidth());
        assertEquals(4, json(client().get(thumbs(service) + "/info.json")).getJsonArray("sizes").size());

        // delivery keeps the image in memory: a PATCH of its roles is seen by the next request
        assertEquals(200, tenant.api(base).patch(tenant.imagePath("open"),
                "{\"roles\":[\"staff-only\"],\"maxUnauthorised\":100}").getStatus());
        HttpResponse<byte[]> restricted = client().get(service + "/info.json");
        assertEquals(100, json(restricted).getInt("maxWidth"));
        assertNotEquals(header(info, "ETag"), header(restricted, "ETag"), "a new ETag for the new restriction");
        assertEquals(200, client().get(service + "/info.json", "If-None-Match", header(info, "ETag")).statusCode(),
                "the copy from before the change is not current");
        assertEquals(100, fetch(service + "/full/max/0/default.jpg").getWidth());
        assertRestricted(service + "/0,0,256,256/256,/0/default.jpg");

        assertEquals(200, tenant.api(base).patch(tenant.imagePath("open"), "{\"roles\":[],\"maxUnauthorised\":-1}").getStatus());
        assertEquals(1000, image(client().get(service + "/full/max/0/default.jpg")).getWidth());
    }
}
