package dlcs.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes the API fuzzer's requests: a valid request to some resource of one tenant, then mutated
 * in its body (values past their limits, of the wrong type, unicode, nulls, JSON cut short or
 * nested too deep), its path (ids escaped, dotted, too long, of nobody), its query (any parameter,
 * any value) and its headers (Content-Type, Accept, forwarding, authentication).
 *
 * <p>A <em>hostile</em> write always carries one mutation that the API must refuse, so that the
 * rounds of refused requests that {@link ApiFuzzIT} checks for changed state are long; other writes
 * carry any mutations or none, so that accepted requests change the tenant's data now and then.
 *
 * <p>Nothing it makes points the server at a host other than 127.0.0.1: origins are the test
 * origin's two URLs or addresses the server refuses before connecting (private, link-local,
 * unsupported schemes, malformed), and no origin text is ever mutated into a host name.
 */
final class ApiFuzzer {

    /** A request as it goes out, with what it was for the report. */
    record FuzzRequest(String method, String path, List<String[]> headers, byte[] body, boolean chunked, boolean write,
                       String label) {

        @Override
        public String toString() {
            String shown = path.length() > 160 ? path.substring(0, 160) + "..." : path;
            return method + " " + shown + " [" + label + (body == null ? "" : ", " + body.length + " bytes") + "]";
        }
    }

    /** What the tenant holds now, for paths to name. */
    record Targets(List<Integer> spaces, Map<Integer, List<String>> images, List<String> strategies, List<Long> batches,
                   List<String> keys) {
    }

    private enum Auth { TENANT, ADMIN, NONE, OTHER_TENANT, MALFORMED, WRONG_SECRET }

    /** A request being made: changed by the mutations, then built. {@code idSegment} is the path segment that names the target. */
    private final class Draft {
        String method;
        final List<String> segments = new ArrayList<>();
        int idSegment = -1;
        boolean idCreates;
        JsonObject json;
        String text;
        byte[] bytes;
        String contentType;
        final List<String[]> headers = new ArrayList<>();
        final List<String> query = new ArrayList<>();
        Auth auth = Auth.TENANT;
        boolean chunked;
        final List<String> applied = new ArrayList<>();
        /** The fields of the JSON the mutations change (the body, or a batch's first member) and their rules. */
        Map<String, Limit> fields = Map.of();
        String label;

        Draft(String label, String method, String... path) {
            this.label = label;
            this.method = method;
            segments.addAll(List.of(path));
        }

        boolean hasJson() {
            return json != null;
        }
    }

    /** What a field takes: text up to a length, a number from a minimum, tags, or anything. */
    private record Limit(char kind, int max) {
        static final Limit ANY = new Limit('?', 0);

        static Limit text(int max) {
            return new Limit('s', max);
        }

        static Limit number(int min) {
            return new Limit('n', min);
        }

        static Limit tags() {
            return new Limit('t', 0);
        }
    }

    private static final Map<String, Limit> IMAGE_FIELDS = fields(
            "origin", Limit.text(2000), "string1", Limit.text(1000), "string2", Limit.text(1000),
            "string3", Limit.text(1000), "number1", Limit.number(0), "number2", Limit.number(0),
            "number3", Limit.number(0), "tags", Limit.tags(), "roles", Limit.tags(), "maxUnauthorised", Limit.number(-1),
            "thumbnailPolicy", Limit.text(7));
    private static final Map<String, Limit> SPACE_FIELDS = fields(
            "name", Limit.text(200), "defaultTags", Limit.tags(), "defaultRoles", Limit.tags(),
            "maxUnauthorised", Limit.number(-1));
    private static final Map<String, Limit> NAMED_QUERY_FIELDS = fields("name", Limit.text(100),
            "template", Limit.text(2000));

    /** Named-query templates: good ones, and ones broken in each way the parser knows. */
    private static final List<String> TEMPLATES = List.of("space=p1&s1=p2&canvas=n1", "s1=p1&canvas=n1;n2 desc",
            "#=x&s1=p1", "canvas=n9", "s1", "s1=p1&s1=p2", "space=p1&spacename=p2", "batch=1,2,x", "p1=s1",
            "manifest=p1", "n1=-1", "=&=&", "canvas=n1 sideways", "s1=p100", "");

    private static final Map<String, Limit> STRATEGY_FIELDS = fields(
            "regex", Limit.text(1000), "strategy", Limit.text(25), "order", Limit.ANY, "credentials", Limit.ANY);
    private static final List<String> STRATEGIES = List.of("default", "basic-http-authentication", "s3-ambient",
            "s3-credentials", "ftp-credentials", "sftp");
    private static final List<String> LISTING_PARAMETERS = List.of("page", "pageSize", "string1", "string2", "string3",
            "number1", "number2", "number3", "tag", "orderBy", "orderByDescending", "status", "q", "id", "space", "customer",
            "sort", "$filter");

    private final FuzzValues values;
    private final Random random;
    private final Api.Tenant tenant;
    private final Api.Tenant other;
    private final String goodOrigin;
    private final String missingOrigin;
    private final byte[] jpeg;
    private Targets targets;

    ApiFuzzer(Random random, Api.Tenant tenant, Api.Tenant other, String goodOrigin, String missingOrigin, byte[] jpeg) {
        this.random = random;
        this.values = new FuzzValues(random);
        this.tenant = tenant;
        this.other = other;
        this.goodOrigin = goodOrigin;
        this.missingOrigin = missingOrigin;
        this.jpeg = jpeg;
    }

    void aimAt(Targets now) {
        this.targets = now;
    }

    /** The next request: a read now and then, a write otherwise; {@code hostile} writes are refused. */
    FuzzRequest next(boolean hostile) {
        int kind = random.nextInt(100);
        Draft draft;
        if (kind < 35) {
            draft = read();
        } else if (kind < 42) {
            draft = iiif();
        } else {
            draft = write();
            if (hostile) {
                if (values.chance(0.5)) {
                    noise(draft);
                }
                breakIt(draft);
            } else {
                for (int i = random.nextInt(4); i > 0; i--) {
                    if (values.chance(0.4)) {
                        breakIt(draft);
                    } else {
                        noise(draft);
                    }
                }
            }
            return build(draft, true);
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            noise(draft);
        }
        return build(draft, false);
    }

    // ---- reads

    private Draft read() {
        String c = customerPath();
        List<String[]> paths = List.of(
                new String[]{""}, new String[]{"customers"}, path(c), path(c, "keys"), path(c, "spaces"),
                path(c, "spaces", space()), path(c, "spaces", space(), "images"), path(c, "spaces", space(), "images"),
                path(c, "spaces", space(), "images", image()), path(c, "queue"), path(c, "queue", "priority"),
                path(c, "queue", "batches"), path(c, "queue", "active"), path(c, "queue", "recent"),
                path(c, "queue", "batches", batch()), path(c, "queue", "batches", batch(), "images"),
                path(c, "queue", "batches", batch(), "assets"), path(c, "allImages"), path(c, "namedQueries"),
                path(c, "storage"), path(c, "spaces", space(), "storage"),
                path(c, "spaces", space(), "images", image(), "storage"), new String[]{"storagePolicies"},
                new String[]{"storagePolicies", "default"}, new String[]{"queue"},
                path(c, "originStrategies"), path(c, "originStrategies", strategyId()), new String[]{"thumbnailPolicies"},
                new String[]{"originStrategies"}, new String[]{"originStrategies", values.pick(STRATEGIES)},
                new String[]{"no", "such", "path"});
        Draft draft = new Draft("read", "GET", paths.get(random.nextInt(paths.size())));
        if (draft.segments.size() > 1) {
            draft.idSegment = draft.segments.size() - 1;
        }
        if (values.chance(0.6)) {
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                draft.query.add(listingParameter());
            }
        }
        if (values.chance(0.05)) {
            draft.method = values.pick(List.of("HEAD", "OPTIONS", "PROPFIND", "TRACE", "PATCH"));
        }
        return draft;
    }

    private String listingParameter() {
        String name = values.chance(0.8) ? values.pick(LISTING_PARAMETERS) : FuzzValues.encode(values.text());
        String value = switch (random.nextInt(6)) {
            case 0 -> String.valueOf(random.nextInt(5) - 1);
            case 1 -> values.pick(List.of("id", "-id", "created", "-number1", "string2", "width", "-", "--id",
                    "storageVersion", "id%3Bdrop%20table%20IMAGE", "queued", "completed", "error", "superseded"));
            default -> values.queryValue();
        };
        return name + "=" + value;
    }

    private Draft iiif() {
        String service = values.pick(List.of("iiif-img", "iiif-img/v2", "iiif-img/v3", "thumbs", "thumbs/v2"));
        String[] image = {String.valueOf(tenant.customer()), space(), image()};
        Draft draft;
        if (values.chance(0.4)) {
            draft = new Draft("iiif", "GET", service, image[0], image[1], image[2], "info.json");
        } else {
            String format = values.pick(List.of("jpg", "png", "gif", "tif", "bmp", "xyz", "", "jpg.jpg"));
            draft = new Draft("iiif", "GET", service, image[0], image[1], image[2],
                    values.pick(List.of("full", "square", "0,0,10,10", "pct:10,10,50,50", "99999,0,1,1", "-1,0,1,1", "x",
                            "0,0,0,0", "pct:abc", "10,10,5")),
                    values.pick(List.of("max", "full", "10,", ",10", "pct:50", "!20,20", "5,5", "0,", "-1,", "99999,",
                            "%5E10,", "abc", "pct:0", "pct:101", "!0,0", "%5E!40,40")),
                    values.pick(List.of("0", "90", "180", "270", "!0", "33.5", "-90", "361", "abc", "!!0")),
                    values.pick(List.of("default", "color", "gray", "bitonal", "x")) + (format.isEmpty() ? "" : "." + format));
        }
        draft.idSegment = 3;
        return draft;
    }

    // ---- writes

    private Draft write() {
        String c = customerPath();
        return switch (random.nextInt(23)) {
            case 0 -> jsonDraft(new Draft("space create", "POST", c, "spaces"), space(values.plain()), SPACE_FIELDS);
            case 1 -> idDraft(jsonDraft(new Draft("space replace", "PUT", c, "spaces", space()), space(values.plain()),
                    SPACE_FIELDS), 2);
            case 2 -> idDraft(jsonDraft(new Draft("space patch", "PATCH", c, "spaces", space()),
                    Json.createObjectBuilder().add("defaultTags", Json.createArrayBuilder().add(values.plain())).build(),
                    SPACE_FIELDS), 2);
            case 3 -> idDraft(new Draft("space delete", "DELETE", c, "spaces", space()), 2);
            case 4 -> jsonDraft(new Draft("image post", "POST", c, "spaces", space(), "images"),
                    withId(image(origin()), values.plain()), IMAGE_FIELDS);
            case 5, 6 -> {
                Draft put = jsonDraft(new Draft("image put", "PUT", c, "spaces", space(), "images",
                        values.chance(0.5) ? image() : values.plain()), image(origin()), IMAGE_FIELDS);
                put.idCreates = true;
                yield idDraft(put, 4);
            }
            case 7, 8 -> idDraft(jsonDraft(new Draft("image patch", "PATCH", c, "spaces", space(), "images", image()),
                    Json.createObjectBuilder().add("string2", values.plain()).add("number2", random.nextInt(100)).build(),
                    IMAGE_FIELDS), 4);
            case 9 -> idDraft(new Draft("image delete", "DELETE", c, "spaces", space(), "images", image()), 4);
            case 10 -> idDraft(new Draft("image reingest", "POST", c, "spaces", space(), "images", image(), "reingest"), 4);
            case 11 -> {
                Draft raw = new Draft("image bytes", "PUT", c, "spaces", space(), "images", values.plain());
                raw.idSegment = 4;
                raw.idCreates = true;
                raw.contentType = values.pick(List.of("image/jpeg", "image/png", "image/x-nonsense"));
                raw.bytes = values.chance(0.3) ? jpeg : values.ofLength(random.nextInt(5000))
                        .getBytes(StandardCharsets.UTF_8);
                yield raw;
            }
            case 12 -> asAdministrator(jsonDraft(new Draft("customer patch", "PATCH", c),
                    Json.createObjectBuilder().add("displayName", values.plain()).build(),
                    fields("displayName", Limit.text(500), "name", Limit.text(100))));
            case 13 -> asAdministrator(jsonDraft(new Draft("customer create", "POST", "customers"),
                    Json.createObjectBuilder().add("name", "fz-" + values.plain()).add("displayName", values.plain())
                            .build(), fields("name", Limit.text(100), "displayName", Limit.text(500))));
            case 14 -> values.chance(0.3) ? new Draft("key create", "POST", c, "keys")
                    : idDraft(new Draft("key delete", "DELETE", c, "keys", key()), 2);
            case 15, 16 -> batchDraft(new Draft("batch", "POST", c, "queue"));
            case 17 -> idDraft(new Draft("batch retry", "POST", c, "queue", "batches", batch(), "retry"), 3);
            case 18 -> jsonDraft(new Draft("strategy create", "POST", c, "originStrategies"), strategyBody(),
                    STRATEGY_FIELDS);
            case 19 -> multipart(values.chance(0.5)
                    ? idDraft(new Draft("image upload", "PUT", c, "spaces", space(), "images", values.plain()), 4)
                    : new Draft("image upload", "POST", c, "spaces", space(), "images"));
            case 21 -> jsonDraft(new Draft("named query create", "POST", c, "namedQueries"),
                    Json.createObjectBuilder().add("name", "fz-" + values.plain()).add("template", values.pick(TEMPLATES))
                            .build(), NAMED_QUERY_FIELDS);
            case 22 -> idDraft(new Draft("batch test", "POST", c, "queue", "batches", batch(), "test"), 3);
            default -> values.chance(0.5)
                    ? idDraft(jsonDraft(new Draft("strategy replace", "PUT", c, "originStrategies", strategyId()),
                    strategyBody(), STRATEGY_FIELDS), 2)
                    : idDraft(new Draft("strategy delete", "DELETE", c, "originStrategies", strategyId()), 2);
        };
    }

    /** A multipart upload: the image and its metadata as parts, or parts that are wrong in some way. */
    private Draft multipart(Draft draft) {
        draft.idCreates = true;
        String boundary = "fuzz" + random.nextInt(1_000_000);
        String metadata = values.chance(0.5) ? image(goodOrigin).toString() : values.pick(List.of("{\"string1\":"
                + Json.createValue(values.text()) + "}", "{\"number1\":-1}", "{\"id\":\"a b\"}", "[1]", "{", "",
                values.nested(1500), "{\"tags\":\"x\"}"));
        byte[] image = values.chance(0.6) ? jpeg : values.ofLength(random.nextInt(3000)).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String fileName = values.chance(0.8) ? "file" : values.pick(List.of("image", "", "FILE", "file\"; x=\"y"));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
                + "\"; filename=\"x.jpg\"\r\nContent-Type: " + values.pick(List.of("image/jpeg", "text/plain", "x"))
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        if (values.chance(0.7)) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                    + "Content-Type: " + values.pick(List.of("application/json", "text/plain", "application/json; charset=x"))
                    + "\r\n\r\n" + metadata).getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes((values.chance(0.85) ? "\r\n--" + boundary + "--\r\n" : "\r\n--" + boundary)
                .getBytes(StandardCharsets.UTF_8));
        draft.bytes = body.toByteArray();
        draft.contentType = "multipart/form-data; boundary=" + (values.chance(0.9) ? boundary : "other");
        draft.applied.add("metadata " + (metadata.length() > 40 ? metadata.substring(0, 40) + "..." : metadata));
        return draft;
    }

    private Draft jsonDraft(Draft draft, JsonObject body, Map<String, Limit> fields) {
        draft.json = body;
        draft.fields = fields;
        draft.contentType = values.chance(0.9) ? "application/json" : "application/ld+json";
        return draft;
    }

    /** Now and then as the administrator, who may create customers and rename them. */
    private Draft asAdministrator(Draft draft) {
        if (values.chance(0.4)) {
            draft.auth = Auth.ADMIN;
            draft.applied.add("as administrator");
        }
        return draft;
    }

    private static Draft idDraft(Draft draft, int segment) {
        draft.idSegment = segment;
        return draft;
    }

    private Draft batchDraft(Draft draft) {
        if (values.chance(0.3)) {
            draft.segments.add("priority");
            draft.label = "priority batch";
        }
        JsonArrayBuilder members = Json.createArrayBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            members.add(Json.createObjectBuilder(withId(image(origin()), values.plain() + "-" + i))
                    .add("space", values.chance(0.8) ? Json.createValue(spaceNumber()) : Json.createValue(space())));
        }
        draft.json = Json.createObjectBuilder().add("@type", "Collection").add("member", members).build();
        draft.fields = IMAGE_FIELDS;
        draft.contentType = "application/json";
        return draft;
    }

    private JsonObject image(String origin) {
        JsonObjectBuilder image = Json.createObjectBuilder().add("origin", origin);
        if (values.chance(0.5)) {
            image.add("string1", values.plain()).add("number1", random.nextInt(1000));
        }
        if (values.chance(0.3)) {
            image.add("tags", Json.createArrayBuilder().add(values.word()).add(values.word()));
        }
        return image.build();
    }

    private static JsonObject withId(JsonObject image, String id) {
        return Json.createObjectBuilder(image).add("id", id).build();
    }

    private JsonObject space(String name) {
        return Json.createObjectBuilder().add("name", name).add("maxUnauthorised", random.nextInt(3) - 1).build();
    }

    private JsonObject strategyBody() {
        String strategy = values.pick(STRATEGIES);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("regex", "^https://fuzz-" + values.word() + "\\.example/")
                .add("strategy", strategy)
                .add("order", random.nextInt(10));
        JsonObjectBuilder credentials = switch (strategy) {
            case "basic-http-authentication", "ftp-credentials" -> Json.createObjectBuilder().add("user", values.word())
                    .add("password", values.plain());
            case "s3-credentials" -> Json.createObjectBuilder().add("accessKey", values.word())
                    .add("secretKey", values.plain()).add("endpoint", "http://10.0.0.1:9000");
            case "sftp" -> Json.createObjectBuilder().add("user", values.word()).add("password", values.plain());
            default -> null;
        };
        if (credentials != null) {
            json.add("credentials", credentials);
        }
        return json.build();
    }

    /**
     * An origin: one the server fetches (the test origin's image or its 404), or one it refuses
     * before connecting. Never a name to resolve, never a port nobody listens on (that would be
     * a legitimate 502).
     */
    private String origin() {
        if (values.chance(0.25)) {
            return goodOrigin;
        }
        return values.pick(List.of(missingOrigin, "http://10.0.0.1/x.jpg", "https://10.0.0.1/a%20b.jpg",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x.jpg", "http://[fe80::1]/x.jpg",
                "http://0.0.0.0/x.jpg", "http://192.168.1.1/x.jpg", "file:///etc/passwd", "gopher://127.0.0.1/x",
                "jar:file:/x.jar!/y", "ftp://10.0.0.1/x.jpg", "sftp://10.0.0.1/x.jpg", "s3:///nobucket",
                "http://user:pw@10.0.0.1/x.jpg", "not a url", "http://", "", "   ", "javascript:alert(1)",
                "http://10.0.0.1/" + FuzzValues.encode(values.text()), "HTTP://10.0.0.1:8080/%7Bx%7D.jpg"));
    }

    // ---- mutations that the API must refuse

    private void breakIt(Draft draft) {
        List<Runnable> ways = new ArrayList<>();
        ways.add(() -> draft.auth = Auth.NONE);
        ways.add(() -> draft.auth = Auth.OTHER_TENANT);
        ways.add(() -> draft.auth = Auth.MALFORMED);
        if (values.chance(0.02)) {
            ways.add(() -> draft.auth = Auth.WRONG_SECRET);
        }
        if (draft.idSegment >= 0) {
            ways.add(() -> draft.segments.set(draft.idSegment, draft.idCreates
                    ? values.pick(List.of("a%20b", "a%2Fb", "%2E%2E", "caf%C3%A9", "x".repeat(221), "%22", "a'b"))
                    : "nobody-" + values.word()));
        }
        if (draft.hasJson()) {
            ways.add(() -> {
                String text = draft.json.toString();
                draft.text = text.substring(0, random.nextInt(text.length() - 1));
                draft.applied.add("cut short");
            });
            ways.add(() -> {
                draft.text = values.pick(List.of("[" + draft.json + "]", "42", "\"" + values.word() + "\"", "null",
                        "true", "", " ", "{", "}", "{\"a\":1}{", "<json/>", "{'single':'quotes'}"));
                draft.applied.add("not an object");
            });
            ways.add(() -> {
                draft.contentType = values.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "application/octet-stream", "text/html; charset=UTF-8"));
                draft.applied.add("content type " + draft.contentType);
            });
            ways.add(() -> {
                String field = values.pick(new ArrayList<>(draft.fields.keySet()));
                draft.text = withField(draft, field, "\"" + field + "\":" + values.nested(1001 + random.nextInt(3000)));
                draft.applied.add(field + " nested too deep");
            });
            if (values.chance(0.05) && !draft.label.contains("batch")) {
                ways.add(() -> {
                    draft.text = withField(draft, "name", "\"padding\":\"" + "p".repeat((1 << 20) + random.nextInt(1 << 19))
                            + "\"");
                    draft.chunked = values.chance(0.5);
                    draft.applied.add("over 1 MiB");
                });
            }
            draft.fields.forEach((field, limit) -> {
                switch (limit.kind()) {
                    case 's' -> {
                        ways.add(() -> set(draft, field, values.notAString()));
                        ways.add(() -> set(draft, field, Json.createValue(field.equals("origin")
                                ? "http://10.0.0.1/" + values.ofLength(limit.max())
                                : values.ofLength(limit.max() + 1 + random.nextInt(3 * limit.max() + 10)))));
                    }
                    case 'n' -> ways.add(() -> set(draft, field, Json.createValue(values.pick(List.of(
                            limit.max() - 1L, Long.MIN_VALUE, (long) Integer.MIN_VALUE - 1)))));
                    case 't' -> ways.add(() -> set(draft, field, values.pick(List.of(
                            Json.createValue(values.word()), Json.createArrayBuilder().add(1).build(),
                            Json.createArrayBuilder().add("a,b").build(), Json.createArrayBuilder().add("").build(),
                            Json.createArrayBuilder().add(values.ofLength(101)).build()))));
                    default -> {
                    }
                }
            });
        }
        ways.get(random.nextInt(ways.size())).run();
        if (draft.auth != Auth.TENANT && draft.auth != Auth.ADMIN) {
            draft.applied.add("auth " + draft.auth);
        }
    }

    /** The body text with {@code member} (JSON text of a field) in place of {@code field}. */
    private String withField(Draft draft, String field, String member) {
        JsonObject body = draft.json;
        String rest = Json.createObjectBuilder(body).remove(field).build().toString();
        return rest.equals("{}") ? "{" + member + "}" : "{" + member + "," + rest.substring(1);
    }

    /** Sets {@code field} of the body (of a batch's first member, for a batch), unless the body is no longer JSON. */
    private void set(Draft draft, String field, JsonValue value) {
        if (draft.text != null) {
            return;
        }
        if (draft.json.containsKey("member")) {
            List<JsonValue> members = new ArrayList<>(draft.json.getJsonArray("member"));
            members.set(0, Json.createObjectBuilder(members.get(0).asJsonObject()).add(field, value).build());
            draft.json = Json.createObjectBuilder(draft.json).add("member", Json.createArrayBuilder(members)).build();
        } else {
            draft.json = Json.createObjectBuilder(draft.json).add(field, value).build();
        }
        String shown = value.toString();
        draft.applied.add(field + "=" + (shown.length() > 40 ? shown.substring(0, 40) + "...(" + shown.length() + ")" : shown));
    }

    // ---- mutations that may or may not be refused

    private void noise(Draft draft) {
        switch (random.nextInt(draft.hasJson() ? 10 : 5)) {
            case 0 -> draft.query.add(listingParameter());
            case 1 -> header(draft);
            case 2 -> {
                if (draft.idSegment >= 0 && draft.idSegment < draft.segments.size()) {
                    draft.segments.set(draft.idSegment, values.segment(draft.segments.get(draft.idSegment)));
                    draft.applied.add("id " + draft.segments.get(draft.idSegment));
                }
            }
            case 3 -> draft.chunked = true;
            case 4 -> header(draft);
            case 5 -> {
                String field = values.pick(new ArrayList<>(draft.fields.keySet()));
                set(draft, field, values.anyValue(0));
            }
            case 6 -> set(draft, values.word(), values.anyValue(0));
            case 7 -> set(draft, values.pick(new ArrayList<>(draft.fields.keySet())), JsonValue.NULL);
            case 8 -> {
                if (draft.text == null) {
                    byte[] json = draft.json.toString().getBytes(StandardCharsets.UTF_8);
                    byte[] odd = values.pick(List.of(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                            new byte[]{(byte) 0xC3, (byte) 0x28}, new byte[]{(byte) 0xFF}, new byte[]{0}));
                    int at = odd.length == 3 ? 0 : random.nextInt(json.length);
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                    bytes.write(json, 0, at);
                    bytes.writeBytes(odd);
                    bytes.write(json, at, json.length - at);
                    draft.bytes = bytes.toByteArray();
                    draft.json = null;
                    draft.fields = Map.of();
                    draft.applied.add("bytes " + java.util.HexFormat.of().formatHex(odd) + " at " + at);
                }
            }
            default -> {
                String field = values.pick(new ArrayList<>(draft.fields.keySet()));
                if (draft.fields.get(field).kind() == 's' && !field.equals("origin")) {
                    set(draft, field, Json.createValue(values.text()));
                }
            }
        }
    }

    private void header(Draft draft) {
        String[] header = switch (random.nextInt(8)) {
            case 0 -> new String[]{"Accept", values.pick(List.of("application/json", "application/ld+json", "*/*",
                    "text/html", "application/xml", "image/png", "*/*;q=x", "application", ";;", "application/json;q=2",
                    "text/*, application/json;q=0.5", "*/*;q=", "application/json, ,", "a/b/c", "*"))};
            case 1 -> new String[]{"X-Forwarded-Host", values.pick(List.of("evil.example", "a b", "x:99999", "[::1]",
                    "%00", "h\u00e9", "example.org:80, other"))};
            case 2 -> new String[]{"X-Forwarded-Proto", values.pick(List.of("https", "gopher", "", "http, https"))};
            case 3 -> new String[]{"X-Forwarded-Prefix", values.pick(List.of("/p", "/../x", "//", "/a b", "/%2F"))};
            case 4 -> new String[]{"Content-Type", values.pick(List.of("application/json; charset=utf-16",
                    "application/json; charset=nonsense", "application/json;;;", "multipart/form-data",
                    "multipart/form-data; boundary=x", "image/jpeg", "application", "*/*", "application/json; q=x",
                    "application/merge-patch+json", "application/json-patch+json", "application/*", "image/*"))};
            case 5 -> new String[]{"X-Requested-With", "XMLHttpRequest"};
            case 6 -> new String[]{values.pick(List.of("If-None-Match", "If-Modified-Since", "Accept-Language", "Cookie",
                    "Range", "Accept-Encoding", "Origin")), values.pick(List.of("\"x\"", "yesterday", "xx-!!", "a=b; ;;",
                    "bytes=5-1", "gzip;q=x", "http://evil.example", "*"))};
            default -> new String[]{"X-" + values.word(), values.word()};
        };
        if (header[0].equals("Content-Type")) {
            draft.contentType = header[1];
        } else {
            draft.headers.add(header);
        }
        draft.applied.add(header[0] + ": " + header[1]);
    }

    // ---- building

    private FuzzRequest build(Draft draft, boolean write) {
        StringBuilder path = new StringBuilder();
        for (String segment : draft.segments) {
            path.append('/').append(segment);
        }
        if (path.isEmpty()) {
            path.append('/');
        }
        if (!draft.query.isEmpty()) {
            path.append('?').append(String.join("&", draft.query));
        }
        List<String[]> headers = new ArrayList<>(draft.headers);
        switch (draft.auth) {
            case TENANT -> headers.add(new String[]{"Authorization", RawHttp.basic(tenant.key(), tenant.secret())});
            case ADMIN -> headers.add(new String[]{"Authorization", RawHttp.basic(Api.ADMIN_KEY, Api.ADMIN_SECRET)});
            case OTHER_TENANT -> headers.add(new String[]{"Authorization", RawHttp.basic(other.key(), other.secret())});
            case MALFORMED -> headers.add(new String[]{"Authorization", values.pick(List.of("Basic !!!", "Basic",
                    "Bearer x", "Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes()),
                    "Basic " + java.util.Base64.getEncoder().encodeToString((":" + values.word()).getBytes())))});
            case WRONG_SECRET -> headers.add(new String[]{"Authorization", RawHttp.basic(tenant.key(), "wrong")});
            default -> {
            }
        }
        byte[] body = draft.bytes;
        if (draft.text != null) {
            body = draft.text.getBytes(StandardCharsets.UTF_8);
        } else if (draft.json != null) {
            body = draft.json.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (draft.contentType != null) {
            headers.add(new String[]{"Content-Type", draft.contentType});
        }
        String label = draft.label + (draft.applied.isEmpty() ? "" : ": " + String.join(", ", draft.applied));
        return new FuzzRequest(draft.method, path.toString(), headers, body, draft.chunked, write, label);
    }

    // ---- targets

    private String customerPath() {
        return "customers/" + (values.chance(0.03) ? other.customer()
                : values.chance(0.05) ? tenant.name() : String.valueOf(tenant.customer()));
    }

    private static String[] path(String customer, String... rest) {
        String[] path = new String[rest.length + 2];
        String[] parts = customer.split("/");
        path[0] = parts[0];
        path[1] = parts[1];
        System.arraycopy(rest, 0, path, 2, rest.length);
        return path;
    }

    private int spaceNumber() {
        return targets.spaces().isEmpty() ? 1 : values.pick(targets.spaces());
    }

    private String space() {
        return String.valueOf(spaceNumber());
    }

    private String image() {
        List<String> ids = targets.images().values().stream().flatMap(List::stream).toList();
        return ids.isEmpty() || values.chance(0.1) ? values.plain() : values.pick(ids);
    }

    private String batch() {
        return targets.batches().isEmpty() || values.chance(0.1) ? String.valueOf(random.nextInt(100_000))
                : String.valueOf(values.pick(targets.batches()));
    }

    private String strategyId() {
        return targets.strategies().isEmpty() || values.chance(0.1) ? java.util.UUID.randomUUID().toString()
                : values.pick(targets.strategies());
    }

    private String key() {
        return targets.keys().isEmpty() || values.chance(0.2) ? java.util.UUID.randomUUID().toString()
                : values.pick(targets.keys());
    }

    private static Map<String, Limit> fields(Object... pairs) {
        Map<String, Limit> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Limit) pairs[i + 1]);
        }
        return fields;
    }
}
