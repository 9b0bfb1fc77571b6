package dlcs.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.glassfish.jersey.media.multipart.MultiPartFeature;

/** A JAX-RS (Jersey) client of the registration API, authenticated with one key. */
public final class Api {

    public static final String ADMIN_KEY = "it-admin";
    public static final String ADMIN_SECRET = "it-admin-secret";

    private static final Client CLIENT = ClientBuilder.newBuilder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(120, TimeUnit.SECONDS)
            .property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true)
            .register(MultiPartFeature.class)
            .build();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
    }

    public static Api admin(URL base) {
        return as(base, ADMIN_KEY, ADMIN_SECRET);
    }

    public static Api as(URL base, String key, String secret) {
        return new Api(base.toString(), "Basic " + Base64.getEncoder()
                .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    public static Api anonymous(URL base) {
        return new Api(base.toString(), null);
    }

    public String url(String path) {
        return base + path;
    }

    public Invocation.Builder request(String path) {
        Invocation.Builder builder = CLIENT.target(url(path)).request();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    public Response get(String path) {
        return request(path).get();
    }

    public Response post(String path, String json) {
        return request(path).post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    public Response put(String path, String json) {
        return request(path).put(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    public Response patch(String path, String json) {
        return request(path).method("PATCH", Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    public Response delete(String path) {
        return request(path).delete();
    }

    public static JsonObject json(Response response) {
        String body = response.readEntity(String.class);
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("Not a JSON object (status " + response.getStatus() + "): " + body, e);
        }
    }

    /** A new customer with a key of its own and one space, for one test. */
    public Tenant newTenant() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 12);
        JsonObject customer = json(post("/customers", "{\"name\":\"" + name + "\"}"));
        long id = customer.getJsonNumber("id").longValue();
        JsonObject key = json(request("/customers/" + id + "/keys").post(Entity.json("")));
        JsonObject space = json(post("/customers/" + id + "/spaces", "{\"name\":\"space of " + name + "\"}"));
        return new Tenant(id, name, key.getString("key"), key.getString("secret"), space.getInt("id"));
    }

    /** A customer made for a test, with its key and its first space. */
    public record Tenant(long customer, String name, String key, String secret, int space) {

        public Api api(URL base) {
            return Api.as(base, key, secret);
        }

        public String spacePath() {
            return "/customers/" + customer + "/spaces/" + space;
        }

        public String imagePath(String imageId) {
            return spacePath() + "/images/" + imageId;
        }

        public String servicePath(String imageId) {
            return "/iiif-img/" + customer + "/" + space + "/" + imageId;
        }
    }
}
