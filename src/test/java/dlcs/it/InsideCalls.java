package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The API as the administrator, from a test that runs inside the server (Arquillian deploys it
 * in the WAR): plain {@code java.net.http}, so that nothing but this class joins the test in the
 * deployment.
 */
final class InsideCalls {

    static final String BASE = "http://127.0.0.1:8080";
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("it-admin:it-admin-secret".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A new customer named {@code name} with a space 1; returns its id. */
    long newCustomerWithASpace(String name) throws IOException, InterruptedException {
        long customer = send("POST", "/customers", "{\"name\":\"" + name + "\"}").getJsonNumber("id").longValue();
        send("POST", "/customers/" + customer + "/spaces", "{\"name\":\"s\"}");
        return customer;
    }

    /** A call that must succeed (2xx), and its JSON answer. */
    JsonObject send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", ADMIN)
                .timeout(Duration.ofMinutes(1));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, method + " " + path + ": " + response.statusCode() + " " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Registers {@code jpeg} at the image {@code path}, sending its bytes. */
    void upload(String path, byte[] jpeg) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", ADMIN).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }

    /** The batch at {@code batchPath} once it has finished, or as it is after two minutes. */
    JsonObject awaitFinished(String batchPath) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonObject batch = send("GET", batchPath, null);
        while (!batch.containsKey("finished") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            batch = send("GET", batchPath, null);
        }
        return batch;
    }
}
