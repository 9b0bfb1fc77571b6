package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.BadInputIT.expectError;
import static dlcs.it.Batches.awaitFinished;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Bytes;
import dlcs.it.TestOrigin.Protected;
import dlcs.it.TestOrigin.Redirect;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.media.multipart.file.StreamDataBodyPart;
import org.junit.jupiter.api.Test;

/**
 * Origins behind Commons VFS, against real servers on 127.0.0.1: HTTP with Basic
 * authentication, an S3-compatible store, FTP and SFTP (password and key). For each, immediate
 * and queued registration with the right origin strategy, clear failures with wrong or missing
 * credentials, and credentials that never come back in a response or reach the server's log.
 */
class OriginsIT extends ServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String HTTP_PASSWORD = "http-pass-Tq55";
    private static final String WRONG_PASSWORD = "wrong-pass-Mm07";

    /** Every response body a test saw, to check that no credential is in any. */
    private final List<String> seen = new ArrayList<>();

    private String strategy(Api api, Tenant tenant, String regex, String strategy, JsonObject credentials) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("regex", regex).add("strategy", strategy);
        if (credentials != null) {
            body.add("credentials", credentials);
        }
        Response created = api.post("/customers/" + tenant.customer() + "/originStrategies", body.build().toString());
        JsonObject json = json(created);
        seen.add(json.toString());
        assertEquals(201, created.getStatus(), json.toString());
        if (credentials != null) {
            assertEquals("xxx", json.getString("credentials"));
        }
        return json.getString("@id");
    }

    private static JsonObject credentials(Map<String, String> fields) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        fields.forEach(json::add);
        return json.build();
    }

    private JsonObject register(Api api, Tenant tenant, String id, String origin, int expected) {
        Response response = api.put(tenant.imagePath(id), "{\"origin\":\"" + origin + "\"}");
        JsonObject json = json(response);
        seen.add(json.toString());
        assertEquals(expected, response.getStatus(), id + ": " + json);
        return json;
    }

    private JsonObject queue(Api api, Tenant tenant, Map<String, String> origins) throws InterruptedException {
        var members = Batches.members();
        origins.forEach((id, origin) -> members.add(member(tenant.space(), id, origin)));
        Response accepted = api.post("/customers/" + tenant.customer() + "/queue", collection(members));
        assertEquals(201, accepted.getStatus());
        JsonObject done = awaitFinished(api, Batches.path(json(accepted)), PATIENCE);
        seen.add(json(api.get(Batches.path(done) + "/images")).toString());
        return done;
    }

    private void assertServes(Api api, Tenant tenant, String id, int width) {
        JsonObject info = json(api.get(tenant.servicePath(id) + "/info.json"));
        assertEquals(width, info.getInt("width"), id);
        assertEquals(200, api.get(tenant.servicePath(id) + "/full/max/0/default.jpg").getStatus());
    }

    private String error(Api api, Tenant tenant, String id) {
        JsonObject image = json(api.get(tenant.imagePath(id)));
        seen.add(image.toString());
        return image.getString("error");
    }

    @Test
    void httpWithBasicAuthentication() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String p = "/" + tenant.name() + "/private/";
        String good = origin().serve(p + "a.jpg", new Protected("reader", HTTP_PASSWORD,
                new Bytes("image/jpeg", Fixtures.jpeg(300, 200))));
        String queued = origin().serve(p + "b.jpg", new Protected("reader", HTTP_PASSWORD,
                new Bytes("image/jpeg", Fixtures.jpeg(320, 200))));
        String other = origin().serve("/" + tenant.name() + "/elsewhere/c.jpg", new Protected("reader",
                HTTP_PASSWORD, new Bytes("image/jpeg", Fixtures.jpeg(100, 100))));

        expectError(api.put(tenant.imagePath("none"), "{\"origin\":\"" + good + "\"}"), 400, "HTTP 401");
        strategy(api, tenant, Pattern.quote(p), "basic-http-authentication",
                credentials(Map.of("user", "reader", "password", HTTP_PASSWORD)));
        strategy(api, tenant, "/elsewhere/", "basic-http-authentication",
                credentials(Map.of("user", "reader", "password", WRONG_PASSWORD)));

        register(api, tenant, "a", good, 201);
        assertServes(api, tenant, "a", 300);
        JsonObject refused = expectError(api.put(tenant.imagePath("c"), "{\"origin\":\"" + other + "\"}"), 400,
                "refused");
        assertTrue(refused.getString("detail").contains("basic-http-authentication"), refused.toString());
        seen.add(refused.toString());

        JsonObject batch = queue(api, tenant, Map.of("b", queued, "c2", other));
        assertEquals(1, batch.getInt("completed"));
        assertEquals(1, batch.getInt("errors"));
        assertServes(api, tenant, "b", 320);
        assertTrue(error(api, tenant, "c2").contains("refused"));
        assertNoCredentialsSeen(HTTP_PASSWORD, WRONG_PASSWORD);
    }

    @Test
    void s3WithTheServersCredentialsOrTheCustomersAndDeliveryWithoutTheOrigin() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String bucket = "it-" + tenant.name().toLowerCase().replaceAll("[^a-z0-9-]", "-");
        String ambient = OriginServers.s3Object(bucket, "ambient/a.jpg", Fixtures.jpeg(240, 160));
        String own = OriginServers.s3Object(bucket, "own/b.jpg", Fixtures.jpeg(260, 160));
        String queued = OriginServers.s3Object(bucket, "own/c.jpg", Fixtures.jpeg(280, 160));
        String wrong = OriginServers.s3Object(bucket, "wrong/d.jpg", Fixtures.jpeg(100, 100));

        expectError(api.put(tenant.imagePath("none"), "{\"origin\":\"" + ambient + "\"}"), 400, "origin strategy");
        Api admin = Api.admin(base);
        assertEquals(201, admin.post("/customers/" + tenant.customer() + "/s3AmbientGrants",
                "{\"bucket\":\"" + bucket + "\",\"prefix\":\"ambient/\"}").getStatus());
        strategy(admin, tenant, "^s3://" + bucket + "/ambient/", "s3-ambient", null);
        strategy(api, tenant, "^s3://" + bucket + "/own/", "s3-credentials", credentials(Map.of(
                "accessKey", OriginServers.S3_ACCESS_KEY, "secretKey", OriginServers.S3_SECRET_KEY,
                "endpoint", OriginServers.s3Endpoint(), "region", "us-east-1", "pathStyle", "true")));
        strategy(api, tenant, "^s3://" + bucket + "/wrong/", "s3-credentials", credentials(Map.of(
                "accessKey", OriginServers.S3_ACCESS_KEY, "secretKey", WRONG_PASSWORD,
                "endpoint", OriginServers.s3Endpoint(), "pathStyle", "true")));

        register(api, tenant, "a", ambient, 201);
        register(api, tenant, "b", own, 201);
        expectError(api.put(tenant.imagePath("d"), "{\"origin\":\"" + wrong + "\"}"), 400, "refused");
        expectError(api.put(tenant.imagePath("e"), "{\"origin\":\"s3://" + bucket + "/own/missing.jpg\"}"), 400,
                "no such");
        JsonObject batch = queue(api, tenant, Map.of("c", queued, "d2", wrong));
        assertEquals(1, batch.getInt("completed"));
        assertTrue(error(api, tenant, "d2").contains("refused"));

        OriginServers.deleteS3Object(bucket, "own/b.jpg");
        assertServes(api, tenant, "b", 260);
        assertServes(api, tenant, "c", 280);
        assertServes(api, tenant, "a", 240);
        assertNoCredentialsSeen(WRONG_PASSWORD, OriginServers.S3_SECRET_KEY);
    }

    @Test
    void theServersS3IdentityReadsOnlyWhatAnAdministratorGrantedTheCustomer() throws Exception {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Api api = tenant.api(base);
        String bucket = "it-grants-" + tenant.name().substring(2).toLowerCase();
        String granted = OriginServers.s3Object(bucket, "p/a.jpg", Fixtures.jpeg(210, 140));
        String queued = OriginServers.s3Object(bucket, "p/q/b.jpg", Fixtures.jpeg(230, 140));
        String outside = OriginServers.s3Object(bucket, "other.jpg", Fixtures.jpeg(90, 90));
        String sibling = OriginServers.s3Object(bucket, "p2/c.jpg", Fixtures.jpeg(90, 90));
        String strategies = "/customers/" + tenant.customer() + "/originStrategies";
        String grants = "/customers/" + tenant.customer() + "/s3AmbientGrants";
        String grantP = "{\"bucket\":\"" + bucket + "\",\"prefix\":\"p\"}";

        // a customer's key can neither give itself the server's identity nor grant itself a bucket
        expectError(api.post(strategies, "{\"regex\":\"^s3://\",\"strategy\":\"s3-ambient\"}"), 403,
                "administrator");
        String anonymous = relative(strategy(api, tenant, "^https://example\\.org/", "default", null));
        expectError(api.put(anonymous, "{\"regex\":\"^s3://\",\"strategy\":\"s3-ambient\"}"), 403, "administrator");
        expectError(api.post(grants, grantP), 403, "administrator");

        // the administrator grants the prefix p/ of the bucket, and gives the customer the strategy
        Response created = admin.post(grants, grantP);
        JsonObject grant = json(created);
        assertEquals(201, created.getStatus(), grant.toString());
        assertEquals("p/", grant.getString("prefix"));
        assertEquals("s3://" + bucket + "/p/", grant.getString("origins"));
        expectError(admin.post(grants, grantP), 409, "already");
        expectError(admin.post(grants, "{\"bucket\":\"Not_A_Bucket\"}"), 400, "bucket");
        expectError(admin.post(grants, "{\"bucket\":\"" + bucket + "\",\"prefix\":\"p/../\"}"), 400, "prefix");
        String ambient = relative(strategy(admin, tenant, "^s3://" + bucket + "/", "s3-ambient", null));
        // the customer sees its grants, and may reorder the strategy the administrator made
        assertEquals(1, json(api.get(grants)).getInt("totalItems"));
        assertTrue(json(api.get("/customers/" + tenant.customer())).getString("s3AmbientGrants").endsWith(grants));
        assertEquals(200, api.put(ambient, "{\"regex\":\"^s3://" + bucket + "/\",\"strategy\":\"s3-ambient\","
                + "\"order\":5}").getStatus());

        register(api, tenant, "in", granted, 201);
        assertServes(api, tenant, "in", 210);
        JsonObject refused = expectError(api.put(tenant.imagePath("out"), "{\"origin\":\"" + outside + "\"}"), 400,
                "within none of customer " + tenant.customer() + "'s S3 grants: s3://" + bucket + "/p/ (grant "
                        + grant.getString("id") + ")");
        assertEquals("Origin refused", refused.getString("title"));
        expectError(api.put(tenant.imagePath("sibling"), "{\"origin\":\"" + sibling + "\"}"), 400, "within none");
        expectError(api.put(tenant.imagePath("dots"), "{\"origin\":\"s3://" + bucket + "/p%2F..%2Fother.jpg\"}"),
                400, "within none");
        JsonObject batch = queue(api, tenant, Map.of("q", queued, "out2", outside));
        assertEquals(1, batch.getInt("completed"));
        assertTrue(error(api, tenant, "out2").contains("within none"), error(api, tenant, "out2"));
        assertServes(api, tenant, "q", 230);

        // another customer cannot use the grant, not even with an s3-ambient strategy of its own
        Tenant other = admin.newTenant();
        Api otherApi = other.api(base);
        expectError(otherApi.get(grants), 403, "customer");
        strategy(admin, other, "^s3://", "s3-ambient", null);
        expectError(otherApi.put(other.imagePath("theirs"), "{\"origin\":\"" + granted + "\"}"), 400,
                "has no S3 grant");

        // a grant withdrawn reads nothing more
        expectError(api.delete(relative(grant.getString("@id"))), 403, "administrator");
        assertEquals(204, admin.delete(relative(grant.getString("@id"))).getStatus());
        expectError(api.put(tenant.imagePath("again"), "{\"origin\":\"" + granted + "\"}"), 400, "has no S3 grant");
    }

    private static String relative(String id) {
        return id.substring(id.indexOf("/customers/"));
    }

    @Test
    void ftpWithAPassword() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String good = OriginServers.ftpFile(tenant.name() + "/a.jpg", Fixtures.jpeg(200, 120));
        String queued = OriginServers.ftpFile(tenant.name() + "/b.jpg", Fixtures.jpeg(220, 120));
        String other = OriginServers.ftpFile(tenant.name() + "-other/c.jpg", Fixtures.jpeg(100, 100));

        expectError(api.put(tenant.imagePath("anonymous"), "{\"origin\":\"" + good + "\"}"), 400, "refused");
        strategy(api, tenant, "/" + Pattern.quote(tenant.name()) + "/", "ftp-credentials",
                credentials(Map.of("user", OriginServers.FTP_USER, "password", OriginServers.FTP_PASSWORD)));
        strategy(api, tenant, "-other/", "ftp-credentials",
                credentials(Map.of("user", OriginServers.FTP_USER, "password", WRONG_PASSWORD)));
        register(api, tenant, "a", good, 201);
        assertServes(api, tenant, "a", 200);
        expectError(api.put(tenant.imagePath("c"), "{\"origin\":\"" + other + "\"}"), 400, "refused");
        JsonObject batch = queue(api, tenant, Map.of("b", queued, "c2", other));
        assertEquals(1, batch.getInt("completed"));
        assertTrue(error(api, tenant, "c2").contains("refused"));
        assertServes(api, tenant, "b", 220);
        // a server whose passive replies name another host: the data connection still goes to the checked
        // one (Commons Net ignores the address of a PASV reply since 3.9, CVE-2021-37533)
        register(api, tenant, "pasv", OriginServers.lyingPassiveUrl(good), 201);
        assertNoCredentialsSeen(OriginServers.FTP_PASSWORD, WRONG_PASSWORD);
    }

    @Test
    void tlsOriginsMustShowACertificateTheServerTrusts() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String https = OriginServers.selfSignedHttps("/" + tenant.name() + "/a.jpg", Fixtures.jpeg(100, 100));
        expectError(api.put(tenant.imagePath("https"), "{\"origin\":\"" + https + "\"}"), 400, "certificate");
        String ftps = OriginServers.ftpsUrl(OriginServers.ftpFile(tenant.name() + "/tls.jpg", Fixtures.jpeg(100, 100)));
        strategy(api, tenant, "^ftps://", "ftp-credentials",
                credentials(Map.of("user", OriginServers.FTP_USER, "password", OriginServers.FTP_PASSWORD)));
        expectError(api.put(tenant.imagePath("ftps"), "{\"origin\":\"" + ftps + "\"}"), 400, "certificate");
        assertNoCredentialsSeen(OriginServers.FTP_PASSWORD);
    }

    @Test
    void sftpWithAPasswordOrAPrivateKey() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String key = OriginServers.sftpPrivateKey();
        String byPassword = OriginServers.sftpFile(tenant.name() + "/password/a.jpg", Fixtures.jpeg(200, 150));
        String byKey = OriginServers.sftpFile(tenant.name() + "/key/b.jpg", Fixtures.jpeg(210, 150));
        String queued = OriginServers.sftpFile(tenant.name() + "/key/c.jpg", Fixtures.jpeg(230, 150));
        String wrongPassword = OriginServers.sftpFile(tenant.name() + "/wrong-password/d.jpg", Fixtures.jpeg(90, 90));
        String wrongKey = OriginServers.sftpFile(tenant.name() + "/wrong-key/e.jpg", Fixtures.jpeg(90, 90));

        expectError(api.put(tenant.imagePath("none"), "{\"origin\":\"" + byPassword + "\"}"), 400, "origin strategy");
        strategy(api, tenant, "/password/", "sftp",
                credentials(Map.of("user", OriginServers.SFTP_USER, "password", OriginServers.SFTP_PASSWORD)));
        strategy(api, tenant, "/key/", "sftp", credentials(Map.of("user", OriginServers.SFTP_USER,
                "privateKey", key)));
        strategy(api, tenant, "/wrong-password/", "sftp",
                credentials(Map.of("user", OriginServers.SFTP_USER, "password", WRONG_PASSWORD)));
        strategy(api, tenant, "/wrong-key/", "sftp", credentials(Map.of("user", OriginServers.SFTP_USER,
                "privateKey", OriginServers.otherPrivateKey())));

        register(api, tenant, "a", byPassword, 201);
        register(api, tenant, "b", byKey, 201);
        assertServes(api, tenant, "a", 200);
        assertServes(api, tenant, "b", 210);
        expectError(api.put(tenant.imagePath("d"), "{\"origin\":\"" + wrongPassword + "\"}"), 400, "refused");
        expectError(api.put(tenant.imagePath("e"), "{\"origin\":\"" + wrongKey + "\"}"), 400, "refused");
        JsonObject batch = queue(api, tenant, Map.of("c", queued, "d2", wrongPassword));
        assertEquals(1, batch.getInt("completed"));
        assertTrue(error(api, tenant, "d2").contains("refused"));
        assertServes(api, tenant, "c", 230);
        // the server pinned by its host key: the right key fetches, another is refused
        String pinned = OriginServers.sftpFile(tenant.name() + "/pinned/f.jpg", Fixtures.jpeg(120, 80));
        String mispinned = OriginServers.sftpFile(tenant.name() + "/mispinned/g.jpg", Fixtures.jpeg(120, 80));
        strategy(api, tenant, "/pinned/", "sftp", credentials(Map.of("user", OriginServers.SFTP_USER,
                "password", OriginServers.SFTP_PASSWORD, "hostKey", OriginServers.sftpHostKey())));
        strategy(api, tenant, "/mispinned/", "sftp", credentials(Map.of("user", OriginServers.SFTP_USER,
                "password", OriginServers.SFTP_PASSWORD, "hostKey", OriginServers.otherHostKey())));
        register(api, tenant, "f", pinned, 201);
        expectError(api.put(tenant.imagePath("g"), "{\"origin\":\"" + mispinned + "\"}"), 400, "host key");
        String keyBody = key.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        assertNoCredentialsSeen(OriginServers.SFTP_PASSWORD, WRONG_PASSWORD, keyBody);
    }

    @Test
    void strategiesAreManagedPerCustomerWithClearErrors() throws Exception {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        Tenant other = admin.newTenant();
        Api api = tenant.api(base);
        String path = "/customers/" + tenant.customer() + "/originStrategies";
        JsonObject builtIn = json(api.get("/originStrategies"));
        assertEquals(6, builtIn.getInt("totalItems"));

        String id = strategy(api, tenant, "^https://example\\.org/", "basic-http-authentication",
                credentials(Map.of("user", "u", "password", HTTP_PASSWORD)));
        String relative = id.substring(id.indexOf("/customers/"));
        expectError(api.post(path, "{\"regex\":\"^https://example\\\\.org/\",\"strategy\":\"default\"}"), 409, "regex");
        expectError(api.post(path, "{\"regex\":\"([a-\",\"strategy\":\"default\"}"), 400, "regex");
        expectError(api.post(path, "{\"regex\":\"x\",\"strategy\":\"webdav\"}"), 400, "webdav");
        expectError(api.post(path, "{\"regex\":\"y\",\"strategy\":\"sftp\"}"), 400, "credentials");
        expectError(api.post(path, "{\"regex\":\"z\",\"strategy\":\"sftp\",\"credentials\":{\"user\":\"u\"}}"), 400,
                "password");
        expectError(other.api(base).get(relative), 403, "customer");
        expectError(api.get(path + "/no-such-id"), 404, "no-such-id");

        JsonObject shown = json(api.get(relative));
        assertEquals("xxx", shown.getString("credentials"));
        JsonObject changed = json(api.put(relative, Json.createObjectBuilder(shown).add("order", 7).build().toString()));
        assertEquals(7, changed.getInt("order"));
        assertEquals("xxx", changed.getString("credentials"), "credentials sent back as xxx are kept");
        assertEquals(1, json(api.get(path)).getInt("totalItems"));
        seen.add(json(api.get(path)).toString());
        assertEquals(204, api.delete(relative).getStatus());
        assertEquals(0, json(api.get(path)).getInt("totalItems"));
        assertNoCredentialsSeen(HTTP_PASSWORD);
    }

    @Test
    void refusedOriginsSayWhichRuleRefusedThem() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String p = "/" + tenant.name();
        int port = Integer.parseInt(origin().url("/").replaceAll(".*:(\\d+)/", "$1"));
        expectError(api.put(tenant.imagePath("loopback"), "{\"origin\":\"http://127.0.0.2:" + port + "/x.jpg\"}"),
                400, "loopback");
        expectError(api.put(tenant.imagePath("private"), "{\"origin\":\"http://10.1.2.3/x.jpg\"}"), 400, "private");
        expectError(api.put(tenant.imagePath("redirect"), "{\"origin\":\"" + origin().serve(p + "/hop.jpg",
                new Redirect("http://127.0.0.2:" + port + p + "/x.jpg")) + "\"}"), 400, "loopback");
        expectError(api.put(tenant.imagePath("userinfo"), "{\"origin\":\"http://u:" + WRONG_PASSWORD
                + "@127.0.0.1:" + port + "/x.jpg\"}"), 400, "origin strategy");
        expectError(api.put(tenant.imagePath("ftp-loopback"), "{\"origin\":\"ftp://127.0.0.3/x.jpg\"}"), 400,
                "loopback");
        expectError(api.put(tenant.imagePath("sftp-private"), "{\"origin\":\"sftp://192.168.0.1/x.jpg\"}"), 400,
                "private");
        Response batch = api.post("/customers/" + tenant.customer() + "/queue", collection(Batches.members()
                .add(member(tenant.space(), "ok", origin().url(p + "/ok.jpg")))
                .add(member(tenant.space(), "bad", "http://10.9.9.9/x.jpg"))));
        JsonObject rejected = expectError(batch, 400, "private");
        assertTrue(rejected.getString("detail").contains("bad"), rejected.toString());

        // a redirect is only seen when the queue fetches: the refusal is the member's recorded error
        JsonObject done = queue(api, tenant, Map.of("hop", origin().serve(p + "/queued-hop.jpg",
                new Redirect("http://169.254.169.254/latest/meta-data"))));
        assertEquals(1, done.getInt("errors"));
        assertTrue(error(api, tenant, "hop").contains("link-local"), error(api, tenant, "hop"));
    }

    @Test
    void aBacktrackingRegexHoldsNoRequest() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String path = "/customers/" + tenant.customer() + "/originStrategies";
        // the reproduction: java.util.regex took 13.5 s on 41 characters, 1.6 times longer for each one more
        strategy(api, tenant, "^http://127\\.0\\.0\\.1:9/(a|aa){1,200}$", "default", null);
        String origin = "http://127.0.0.1:9/" + "a".repeat(40) + "b";
        assertEquals(60, origin.length());
        Response answer = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> api.put(tenant.imagePath("backtracking"), "{\"origin\":\"" + origin + "\"}"));
        // nothing listens on port 9: the point is that the answer comes
        assertTrue(answer.getStatus() == 400 || answer.getStatus() == 502, json(answer).toString());
        expectError(api.post(path, "{\"regex\":\"(a)\\\\1\",\"strategy\":\"default\"}"), 400, "backreference");
        expectError(api.post(path, "{\"regex\":\"^https://x/(?!private/)\",\"strategy\":\"default\"}"), 400,
                "lookahead");
        expectError(api.post(path, "{\"regex\":\"(a{1000}){1000}\",\"strategy\":\"default\"}"), 400,
                "repetitions");
    }

    @Test
    void anOriginLongerThanTheLimitIsRefusedWhereverItComesIn() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        Api api = tenant.api(base);
        String p = "/" + tenant.name() + "/";
        String served = origin().serve(p + "a.jpg", new Bytes("image/jpeg", Fixtures.jpeg(100, 80)));
        String tooLong = served + "?" + "x".repeat(2000 - served.length());
        assertEquals(2001, tooLong.length());
        String refusal = "\"origin\" is 2001 characters long; at most 2000 are accepted (dlcs.origin.max-length)";
        expectError(api.put(tenant.imagePath("long"), "{\"origin\":\"" + tooLong + "\"}"), 400, refusal);
        expectError(api.post(tenant.spacePath() + "/images", "{\"origin\":\"" + tooLong + "\"}"), 400, refusal);
        expectError(api.post("/customers/" + tenant.customer() + "/queue", collection(Batches.members()
                .add(member(tenant.space(), "long", tooLong)))), 400, "Member 0 (id 'long'): " + refusal);
        register(api, tenant, "short", tooLong.substring(0, 2000), 201);
        expectError(api.patch(tenant.imagePath("short"), "{\"origin\":\"" + tooLong + "\"}"), 400, refusal);
        FormDataMultiPart form = new FormDataMultiPart();
        form.field("metadata", "{\"origin\":\"" + tooLong + "\"}", MediaType.APPLICATION_JSON_TYPE);
        form.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(Fixtures.jpeg(64, 64)), "a.jpg",
                MediaType.valueOf("image/jpeg")));
        expectError(api.request(tenant.imagePath("uploaded")).put(Entity.entity(form, form.getMediaType())), 400,
                refusal);
        expectError(api.put(tenant.imagePath("huge"), "{\"origin\":\"" + served + "?" + "x".repeat(100_000) + "\"}"),
                400, "at most 2000 are accepted");
    }

    private void assertNoCredentialsSeen(String... secrets) throws IOException {
        for (String body : seen) {
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "a response shows a credential: " + body);
            }
        }
        for (Path log : serverLogs()) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), log + " holds a credential");
            }
        }
    }

    /**
     * The log of the server under test: Arquillian runs it from a fresh copy of its base
     * directory in the temporary directory, so the newest server.log there (or in the server's
     * own base directory) is this run's.
     */
    static List<Path> serverLogs() throws IOException {
        Path home = Path.of(System.getProperty("jboss.home", "target/wildfly"));
        List<Path> logs = new ArrayList<>();
        for (Path root : List.of(home, Path.of(System.getProperty("java.io.tmpdir")))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.find(root, 4, (file, attributes) ->
                    file.getFileName().toString().equals("server.log"))) {
                files.forEach(logs::add);
            } catch (java.io.UncheckedIOException ignored) {
                // a directory that vanished while walking
            }
        }
        Path newest = logs.stream().max(java.util.Comparator.comparing(OriginsIT::modified))
                .orElseThrow(() -> new AssertionError("the server's log was not found under " + home));
        return List.of(newest);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
