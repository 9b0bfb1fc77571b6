package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.media.multipart.file.StreamDataBodyPart;
import org.junit.jupiter.api.Test;

/** Registration with the image's bytes in the request: multipart, or a raw image body. */
class DirectUploadIT extends ServerTest {

    @Test
    void multipartWithFileAndMetadataRegistersAtOnce() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        FormDataMultiPart form = new FormDataMultiPart();
        form.field("metadata", "{\"string1\":\"uploaded\",\"number2\":5,\"tags\":[\"u\"]}", MediaType.APPLICATION_JSON_TYPE);
        form.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(Fixtures.jpeg(640, 400)), "scan.jpg",
                MediaType.valueOf("image/jpeg")));

        Response response = api.request(tenant.imagePath("upload1")).put(Entity.entity(form, form.getMediaType()));
        assertEquals(201, response.getStatus());
        JsonObject image = json(response);
        assertEquals(640, image.getInt("width"));
        assertEquals("uploaded", image.getString("string1"));
        assertEquals(5, image.getInt("number2"));
        assertFalse(image.containsKey("origin"), "bytes sent directly have no origin");
        assertEquals(640, json(api.get(tenant.servicePath("upload1") + "/info.json")).getInt("width"));

        Response reingest = api.request(tenant.imagePath("upload1") + "/reingest").post(Entity.json(""));
        assertEquals(409, reingest.getStatus(), "nothing to fetch again");
    }

    @Test
    void multipartPostWithoutIdAssignsOne() {
        Tenant tenant = Api.admin(base).newTenant();
        FormDataMultiPart form = new FormDataMultiPart();
        form.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(Fixtures.png(300, 300)), "a.png",
                MediaType.valueOf("image/png")));
        Response response = tenant.api(base).request(tenant.spacePath() + "/images")
                .post(Entity.entity(form, form.getMediaType()));
        assertEquals(201, response.getStatus());
        assertEquals(36, json(response).getString("id").length());
    }

    @Test
    void aRawImageBodyRegistersToo() {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        Response response = api.request(tenant.imagePath("raw"))
                .put(Entity.entity(Fixtures.tiff(333, 222), "image/tiff"));
        assertEquals(201, response.getStatus());
        JsonObject image = json(response);
        assertEquals(333, image.getInt("width"));
        assertEquals("image/tiff", image.getString("mediaType"));

        Response again = api.request(tenant.imagePath("raw")).put(Entity.entity(Fixtures.png(10, 20), "image/png"));
        assertEquals(200, again.getStatus());
        assertEquals(10, json(again).getInt("width"));
    }

    @Test
    void aMultipartBodyWithoutAFileIsRefused() {
        Tenant tenant = Api.admin(base).newTenant();
        FormDataMultiPart form = new FormDataMultiPart();
        form.field("metadata", "{\"string1\":\"x\"}", MediaType.APPLICATION_JSON_TYPE);
        Response response = tenant.api(base).request(tenant.imagePath("nofile"))
                .put(Entity.entity(form, form.getMediaType()));
        assertEquals(400, response.getStatus());
        assertTrue(json(response).getString("detail").contains("'file'"));
        assertEquals(404, tenant.api(base).get(tenant.imagePath("nofile")).getStatus());
    }
}
