package dlcs.it;

import static dlcs.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.imaging.TestImages;
import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidBytes;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.control.PyramidReader;
import dlcs.metrics.control.PrometheusText;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The IIIF Image API service over HTTP in the real server: info.json in 3.0 and 2.1, image
 * requests compared pixel by pixel with the same operations done on the source, stored tiles
 * sent as stored, the HTTP features (CORS, Link, validators, 304, HEAD), status codes, and the
 * thumbnail service.
 */
class ImageDeliveryIT extends ServerTest {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 800;
    private static final BufferedImage SOURCE = TestImages.grid(WIDTH, HEIGHT);
    private static Api.Tenant tenant;
    private static String noise;

    /** One registered grid image, shared by these read-only tests. */
    private synchronized String service() {
        if (tenant == null) {
            Api.Tenant made = Api.admin(base).newTenant();
            String url = origin().serveImage("/" + made.name() + "/grid.png", "image/png",
                    TestImages.encode(SOURCE, "png"));
            assertEquals(201, made.api(base).put(made.imagePath("grid"), "{\"origin\":\"" + url + "\"}").getStatus());
            tenant = made;
        }
        return tenant.servicePath("grid");
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) {
        return new DeliveryClient(base).send(method, path, headers);
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    private static JsonObject body(HttpResponse<byte[]> response) {
        return DeliveryClient.json(response);
    }

    private static BufferedImage decode(HttpResponse<byte[]> response) {
        return DeliveryClient.image(response);
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        return dlcs.imaging.control.Rasters.scale(dlcs.imaging.control.Rasters.normalise(image), width, height);
    }

    /** Clockwise quarter turns, done independently of the server's code. */
    private static BufferedImage turned(BufferedImage image, int quarters) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn = new AffineTransform();
        turn.quadrantRotate(quarters);
        switch (quarters) {
            case 1 -> turn.preConcatenate(AffineTransform.getTranslateInstance(h, 0));
            case 2 -> turn.preConcatenate(AffineTransform.getTranslateInstance(w, h));
            case 3 -> turn.preConcatenate(AffineTransform.getTranslateInstance(0, w));
            default -> { }
        }
        return new AffineTransformOp(turn, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, null);
    }

    private static BufferedImage flipped(BufferedImage image) {
        AffineTransform flip = AffineTransform.getScaleInstance(-1, 1);
        flip.translate(-image.getWidth(), 0);
        return new AffineTransformOp(flip, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, null);
    }

    private static BufferedImage grey(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(image, 0, 0, null);
        return grey;
    }

    private void assertLooksLike(BufferedImage expected, String request, double tolerance) {
        BufferedImage actual = decode(get(service() + "/" + request));
        assertEquals(expected.getWidth(), actual.getWidth(), request + ": width");
        assertEquals(expected.getHeight(), actual.getHeight(), request + ": height");
        double difference = TestImages.meanDifference(expected, actual);
        assertTrue(difference < tolerance, request + ": mean difference " + difference);
    }

    @Test
    void infoJsonVersion3DescribesALevel2ServiceOverTheStoredPyramid() {
        HttpResponse<byte[]> response = get(service() + "/info.json");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject info = body(response);
        assertEquals("http://iiif.io/api/image/3/context.json", info.getString("@context"));
        assertEquals(base + service().substring(1), info.getString("id"));
        assertEquals("ImageService3", info.getString("type"));
        assertEquals("http://iiif.io/api/image", info.getString("protocol"));
        assertEquals("level2", info.getString("profile"));
        assertEquals(WIDTH, info.getInt("width"));
        assertEquals(HEIGHT, info.getInt("height"));
        assertTrue(info.getJsonNumber("maxArea").longValue() >= (long) WIDTH * HEIGHT);
        JsonObject tiles = info.getJsonArray("tiles").getJsonObject(0);
        assertEquals(256, tiles.getInt("width"));
        assertEquals(256, tiles.getInt("height"));
        assertEquals(List.of(1, 2, 4), tiles.getJsonArray("scaleFactors").getValuesAs(
                jakarta.json.JsonNumber.class).stream().map(n -> n.intValue()).toList());
        JsonArray sizes = info.getJsonArray("sizes");
        assertEquals(250, sizes.getJsonObject(0).getInt("width"));
        assertEquals(WIDTH, sizes.getJsonObject(sizes.size() - 1).getInt("width"));
        assertTrue(info.getJsonArray("extraQualities").toString().contains("bitonal"));
        assertTrue(info.getJsonArray("extraFeatures").toString().contains("mirroring"));
        assertTrue(info.getJsonArray("extraFeatures").toString().contains("rotationArbitrary"));

        HttpResponse<byte[]> ld = get(service() + "/info.json", "Accept", "application/ld+json");
        assertEquals("application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"",
                ld.headers().firstValue("Content-Type").orElse(""));
        String v3 = service().replace("/iiif-img/", "/iiif-img/v3/");
        JsonObject explicit = body(get(v3 + "/info.json"));
        assertEquals(base + v3.substring(1), explicit.getString("id"));
        assertEquals(info.getJsonArray("tiles"), explicit.getJsonArray("tiles"));
        assertEquals(info.getJsonArray("sizes"), explicit.getJsonArray("sizes"));
    }

    @Test
    void infoJsonVersion2IsServedUnderV2() {
        String v2 = service().replace("/iiif-img/", "/iiif-img/v2/");
        HttpResponse<byte[]> response = get(v2 + "/info.json", "Accept", "application/ld+json");
        assertEquals("application/ld+json;profile=\"http://iiif.io/api/image/2/context.json\"",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonObject info = body(response);
        assertEquals("http://iiif.io/api/image/2/context.json", info.getString("@context"));
        assertEquals(base + v2.substring(1), info.getString("@id"));
        assertEquals("http://iiif.io/api/image", info.getString("protocol"));
        JsonArray profile = info.getJsonArray("profile");
        assertEquals("http://iiif.io/api/image/2/level2.json", profile.getString(0));
        assertTrue(profile.getJsonObject(1).getJsonNumber("maxArea").longValue() > 0);
        assertTrue(profile.getJsonObject(1).getJsonArray("supports").toString().contains("mirroring"));
        assertEquals(WIDTH, info.getInt("width"));
        assertEquals(3, info.getJsonArray("tiles").getJsonObject(0).getJsonArray("scaleFactors").size());
        assertEquals(200, get(v2 + "/full/full/0/default.jpg").statusCode(), "2.1's full size");
        assertEquals(400, get(v2 + "/full/^max/0/default.jpg").statusCode(), "no ^ in 2.1");
    }

    @Test
    void theBaseUriRedirectsToInfoJsonInItsVersion() {
        HttpResponse<byte[]> response = get(service());
        assertEquals(303, response.statusCode());
        assertEquals(base + service().substring(1) + "/info.json", response.headers().firstValue("Location").orElse(""));
        String v2 = service().replace("/iiif-img/", "/iiif-img/v2/");
        assertEquals(base + v2.substring(1) + "/info.json", get(v2).headers().firstValue("Location").orElse(""));
    }

    @Test
    void forgedForwardedHeadersChangeNoIdNorLink() {
        // the test server trusts no proxy (dlcs.http.trusted-proxies is unset), so from 127.0.0.1
        // these are a client's forgeries, which a public cache would hand on to every viewer
        String[] forged = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
            "X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/phish"};
        String own = base + service().substring(1);
        assertEquals(own, body(get(service() + "/info.json", forged)).getString("id"));
        assertEquals(own, body(get(service().replace("/iiif-img/", "/iiif-img/v2/") + "/info.json", forged))
                .getString("@id").replace("/iiif-img/v2/", "/iiif-img/"));
        assertEquals(own + "/info.json", get(service(), forged).headers().firstValue("Location").orElse(""));
        for (String image : new String[] {"/full/max/0/default.jpg", "/0,0,256,256/256,/0/default.jpg"}) {
            String link = get(service() + image, forged).headers().firstValue("Link").orElse("");
            assertTrue(link.startsWith("<" + own + "/"), "the canonical link: " + link);
            assertFalse(link.contains("evil.example"), link);
        }
        String thumbs = service().replace("/iiif-img/", "/thumbs/");
        assertEquals(base + thumbs.substring(1), body(get(thumbs + "/info.json", forged)).getString("id"));
    }

    @Test
    void regionsAndSizesMatchTheSource() {
        assertLooksLike(SOURCE, "full/max/0/default.png", 3);
        assertLooksLike(SOURCE.getSubimage(100, 150, 300, 200), "100,150,300,200/max/0/default.png", 3);
        assertLooksLike(SOURCE.getSubimage(900, 700, 100, 100), "900,700,500,500/max/0/default.png", 3);
        assertLooksLike(SOURCE.getSubimage(100, 80, 500, 400), "pct:10,10,50,50/max/0/default.png", 3);
        assertLooksLike(SOURCE.getSubimage(100, 0, 800, 800), "square/max/0/default.png", 3);
        assertLooksLike(scaled(SOURCE, 500, 400), "full/500,/0/default.png", 6);
        assertLooksLike(scaled(SOURCE, 250, 200), "full/,200/0/default.png", 6);
        assertLooksLike(scaled(SOURCE, 250, 200), "full/pct:25/0/default.png", 6);
        assertLooksLike(scaled(SOURCE, 300, 100), "full/300,100/0/default.png", 6);
        assertLooksLike(scaled(SOURCE, 375, 300), "full/!400,300/0/default.png", 6);
        assertLooksLike(scaled(SOURCE.getSubimage(0, 0, 100, 100), 200, 200), "0,0,100,100/^200,/0/default.png", 6);
        assertLooksLike(scaled(SOURCE.getSubimage(300, 200, 400, 300), 200, 150), "300,200,400,300/200,/0/default.jpg",
                6);
    }

    @Test
    void mirroringRotationAndQualityApplyInTheSpecsOrder() {
        BufferedImage cut = SOURCE.getSubimage(0, 0, 400, 200);
        assertLooksLike(turned(cut, 1), "0,0,400,200/max/90/default.png", 3);
        assertLooksLike(turned(cut, 2), "0,0,400,200/max/180/default.png", 3);
        assertLooksLike(turned(cut, 3), "0,0,400,200/max/270/default.png", 3);
        assertLooksLike(flipped(cut), "0,0,400,200/max/!0/default.png", 3);
        assertLooksLike(turned(flipped(cut), 1), "0,0,400,200/max/!90/default.png", 3);
        assertLooksLike(grey(turned(cut, 1)), "0,0,400,200/max/90/gray.png", 3);
        BufferedImage bitonal = decode(get(service() + "/0,0,400,200/max/0/bitonal.png"));
        for (int x = 0; x < bitonal.getWidth(); x += 7) {
            int rgb = bitonal.getRGB(x, 100) & 0xFFFFFF;
            assertTrue(rgb == 0 || rgb == 0xFFFFFF, "bitonal pixels are black or white");
        }
        BufferedImage turned = decode(get(service() + "/0,0,400,200/max/45/default.png"));
        assertEquals(Math.round(400 * Math.cos(Math.PI / 4) + 200 * Math.sin(Math.PI / 4)), turned.getWidth());
        assertEquals(0, turned.getRGB(0, 0) >>> 24, "png corners are transparent");
        assertEquals(0xFFFFFF, decode(get(service() + "/0,0,400,200/max/45/default.jpg")).getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void everyFormatComesWithItsMediaType() {
        for (String[] format : new String[][] {{"jpg", "image/jpeg"}, {"png", "image/png"}, {"gif", "image/gif"},
                {"tif", "image/tiff"}}) {
            HttpResponse<byte[]> response = get(service() + "/0,0,200,100/max/0/default." + format[0]);
            assertEquals(format[1], response.headers().firstValue("Content-Type").orElse(""));
            BufferedImage image = decode(response);
            assertEquals(200, image.getWidth(), format[0]);
        }
    }

    @Test
    void aBodyOfManyPiecesArrivesWholeAndHeadDeclaresItsLength() {
        // noise does not compress: 9.6 MB of PNG and of TIFF, each sent in pieces of 256 KiB as the
        // connection takes them
        String png = noise() + "/full/max/0/default.png";
        HttpResponse<byte[]> response = get(png);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().length > 9_000_000, "length " + response.body().length);
        assertEquals(Integer.toString(response.body().length), response.headers().firstValue("Content-Length")
                .orElse(""));
        BufferedImage fromPng = decode(response);
        BufferedImage fromTiff = decode(get(noise() + "/full/max/0/default.tif"));
        assertEquals(2000, fromPng.getWidth());
        assertArrayEquals(fromPng.getRGB(0, 0, 2000, 1600, null, 0, 2000),
                fromTiff.getRGB(0, 0, 2000, 1600, null, 0, 2000), "the same pixels, losslessly, both ways");

        HttpResponse<byte[]> head = send("HEAD", png);
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(Integer.toString(response.body().length), head.headers().firstValue("Content-Length").orElse(""));
    }

    @Test
    void aClientThatLeavesDuringTheBodyGivesItsShareOfTheRenderBudgetBack() throws Exception {
        String request = noise() + "/full/max/0/default.png";
        // the budget's figures are there from the first render on
        assertEquals(200, get(noise() + "/0,0,10,10/10,/0/default.png").statusCode());
        double idle = freeRenderBudget();
        assertTrue(idle > 0);
        URI server = URI.create(base.toString());
        try (Socket socket = new Socket()) {
            // far more than the connection holds while this client reads nothing
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()));
            socket.getOutputStream().write(("GET " + request + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String start = new String(socket.getInputStream().readNBytes(100), StandardCharsets.ISO_8859_1);
            assertTrue(start.startsWith("HTTP/1.1 200"), start);
            // WildFly takes the body from the render as the connection takes it; Payara's Grizzly
            // takes all of it into its write queue at once, and the share is back at that moment
            if (!"payara".equals(System.getProperty("arquillian.launch"))) {
                double during = freeRenderBudget();
                assertTrue(during < idle, "the share is held while the body is on its way: " + during + " of " + idle);
            }
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (freeRenderBudget() < idle && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(idle, freeRenderBudget(), "the share is given back once the client has gone");
    }

    /** A 2000x1600 image of noise, registered once. */
    private synchronized String noise() {
        String service = tenantAfter(service()).servicePath("noise");
        if (noise == null) {
            BufferedImage pixels = new BufferedImage(2000, 1600, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(7);
            for (int y = 0; y < pixels.getHeight(); y++) {
                for (int x = 0; x < pixels.getWidth(); x++) {
                    pixels.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            String url = origin().serveImage("/" + tenant.name() + "/noise.png", "image/png",
                    TestImages.encode(pixels, "png"));
            assertEquals(201, tenant.api(base).put(tenant.imagePath("noise"), "{\"origin\":\"" + url + "\"}")
                    .getStatus());
            noise = service;
        }
        return noise;
    }

    private double freeRenderBudget() {
        HttpResponse<byte[]> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        return PrometheusText.parse(new String(metrics.body(), StandardCharsets.UTF_8))
                .sum("dlcs_render_budget_free_bytes");
    }

    @Test
    void canonicalTileRequestsAreAnsweredWithTheStoredBytes() throws IOException {
        Path version = Storage.versions(tenantAfter(service()), "grid").get(0);
        Path pyramid = DerivativeFiles.pyramid(version);
        PyramidIndex index = PyramidIndex.read(pyramid);
        byte[] stored = PyramidReader.tileBytes(PyramidBytes.of(pyramid), index, new PyramidReader.Tile(0, 1, 1));
        assertArrayEquals(stored, get(service() + "/256,256,256,256/256,/0/default.jpg").body());
        assertArrayEquals(stored, get(service() + "/256,256,256,256/256,256/0/default.jpg").body());
        assertArrayEquals(stored, get(service() + "/256,256,256,256/max/0/color.jpg").body());
        byte[] reduced = PyramidReader.tileBytes(PyramidBytes.of(pyramid), index, new PyramidReader.Tile(1, 0, 0));
        assertArrayEquals(reduced, get(service() + "/0,0,512,512/256,/0/default.jpg").body());
        // an edge tile is stored padded, so it is cut from the level and encoded
        assertLooksLike(SOURCE.getSubimage(768, 512, 232, 256), "768,512,232,256/232,/0/default.jpg", 4);
        assertLooksLike(scaled(SOURCE.getSubimage(512, 512, 488, 288), 244, 144), "512,512,488,288/244,/0/default.jpg",
                6);
    }

    private Api.Tenant tenantAfter(String service) {
        assertNotNull(service);
        return tenant;
    }

    @Test
    void anUnescapedCaretIsAcceptedAsBrowsersSendIt() throws IOException {
        // browsers (and the IIIF validator) send the ^ of Image API 3.0 sizes as it is, not as %5E
        URI server = URI.create(base.toString());
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(("GET " + service() + "/0,0,100,100/^200,/0/default.png HTTP/1.1\r\n"
                    + "Host: " + server.getHost() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 200"), text.substring(0, Math.min(300, text.length())));
            int body = text.indexOf("\r\n\r\n") + 4;
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer, body, answer.length - body));
            assertEquals(200, image.getWidth());
        }
    }

    @Test
    void responsesCarryCorsLinksAndValidators() {
        String tile = service() + "/0,0,256,256/256,/0/default.jpg";
        HttpResponse<byte[]> response = get(tile);
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        // one Link header with both links: clients that read one header (the IIIF validator) see both
        List<String> links = response.headers().allValues("Link");
        assertEquals(List.of("<" + base + service().substring(1) + "/0,0,256,256/max/0/default.jpg>;rel=\"canonical\", "
                + "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\""), links);
        String etag = response.headers().firstValue("ETag").orElseThrow();
        String modified = response.headers().firstValue("Last-Modified").orElseThrow();
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age"));

        HttpResponse<byte[]> revalidated = get(tile, "If-None-Match", etag);
        assertEquals(304, revalidated.statusCode());
        assertEquals(0, revalidated.body().length);
        assertEquals(304, get(tile, "If-Modified-Since", modified).statusCode());
        assertEquals(200, get(tile, "If-None-Match", "\"something-else\"").statusCode());
        String infoEtag = get(service() + "/info.json").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(service() + "/info.json", "If-None-Match", infoEtag).statusCode());

        HttpResponse<byte[]> head = send("HEAD", tile);
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(Integer.toString(response.body().length), head.headers().firstValue("Content-Length").orElse(""));

        HttpResponse<byte[]> preflight = send("OPTIONS", tile, "Origin", "http://viewer.example",
                "Access-Control-Request-Method", "GET");
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
    }

    @Test
    void aStoredTileIsAnsweredAlikeOnTheShortPathAndThroughTheServlet() {
        String tile = service() + "/512,256,256,256/256,/0/default.jpg";
        // a condition that does not hold sends the request through the servlet; the plain ones,
        // once the image is known, are answered before it (StoredTileHandler)
        HttpResponse<byte[]> servlet = get(tile, "If-None-Match", "\"another-version\"");
        get(tile);
        HttpResponse<byte[]> shortPath = get(tile);
        assertEquals(200, shortPath.statusCode());
        assertArrayEquals(servlet.body(), shortPath.body());
        Map<String, List<String>> expected = new TreeMap<>(servlet.headers().map());
        Map<String, List<String>> actual = new TreeMap<>(shortPath.headers().map());
        expected.remove("date");
        actual.remove("date");
        assertEquals(expected, actual);
        // v2 and v3 each with their own canonical link, whichever path answers
        String v2 = "/iiif-img/v2" + service().substring("/iiif-img".length()) + "/512,256,256,256/256,/0/default.jpg";
        get(v2);
        assertTrue(get(v2).headers().firstValue("Link").orElse("").contains("/v2/"));
    }

    @Test
    void errorsHaveTheSpecsStatusCodesAndSayWhatIsWrong() {
        String s = service();
        for (String bad : new String[] {"0,0,0,10/max/0/default.jpg", "2000,0,10,10/max/0/default.jpg",
                "full/2000,/0/default.jpg", "full/0,/0/default.jpg", "full/max/361/default.jpg",
                "full/max/0/sepia.jpg", "full/max/0/default.bmp", "nonsense/max/0/default.jpg",
                "full/max/0/default", "full/^90000,90000/0/default.jpg",
                // within maxArea as asked for, over it once turned
                "full/^4000,4000/45/default.jpg"}) {
            HttpResponse<byte[]> response = get(s + "/" + bad);
            assertEquals(400, response.statusCode(), bad);
            assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""), bad);
            String detail = body(response).getString("detail");
            assertFalse(detail.isBlank(), bad);
            assertFalse(detail.contains("Exception"), bad + ": " + detail);
        }
        assertTrue(body(get(s + "/full/^4000,4000/45/default.jpg")).getString("detail").contains("maxArea"));
        assertEquals(501, get(s + "/full/max/0/default.webp").statusCode());
        assertEquals(404, get(tenant.servicePath("nothing-here") + "/info.json").statusCode());
        assertEquals(404, get(tenant.servicePath("a%2Fb") + "/full/max/0/default.jpg").statusCode(),
                "%2F stays inside the identifier");
        // a path with too few or too many segments names no image: an identifier's / must be %2F
        assertEquals(404, get("/iiif-img/" + tenant.customer() + "/" + tenant.space()).statusCode());
        HttpResponse<byte[]> unescaped = get(tenant.servicePath("a") + "/b/full/max/0/default.jpg");
        assertEquals(404, unescaped.statusCode());
        assertTrue(body(unescaped).getString("detail").contains("%2F"), new String(unescaped.body()));
        assertEquals(404, get(tenant.servicePath("a") + "/b/info.json").statusCode());
    }

    @Test
    void sizesThatOverflowedAreAPrompt400() {
        // the reported requests: on a 1600 px square the first spun a core for ever, the second was a 500
        Api.Tenant mine = Api.admin(base).newTenant();
        String url = origin().serveImage("/" + mine.name() + "/square.png", "image/png", Fixtures.png(1600, 1600));
        assertEquals(201, mine.api(base).put(mine.imagePath("square"), "{\"origin\":\"" + url + "\"}").getStatus());
        for (String request : new String[] {"square/^pct:268435456/0/default.jpg",
                "0,0,300,430/^pct:998830068.837209/0/default.jpg", "full/^pct:268435456/0/default.jpg",
                "full/^999999999,/0/default.jpg"}) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = get(mine.servicePath("square") + "/" + request);
            assertEquals(400, response.statusCode(), request + ": " + new String(response.body()));
            assertTrue(System.nanoTime() - start < 10_000_000_000L, request + " answered promptly");
            assertTrue(body(response).getString("detail").contains("65500"), new String(response.body()));
        }
        // the largest size maxArea allows: 4000x4000 at the default 16 million pixels
        assertEquals(4000, decode(get(mine.servicePath("square") + "/full/^max/0/default.jpg")).getWidth());
    }

    @Test
    void imagesNotFinishedAre404AndSayWhetherTheyFailedButNeverWhy() throws InterruptedException {
        Api.Tenant mine = Api.admin(base).newTenant();
        Api api = mine.api(base);
        String slow = origin().serve("/" + mine.name() + "/slow.jpg",
                new TestOrigin.Slow(2000, new TestOrigin.Bytes("image/jpeg", Fixtures.jpeg(300, 200))));
        // a presigned URL: its signature is a secret of the image's owner
        String gone = origin().serve("/" + mine.name() + "/gone.jpg", new TestOrigin.Status(404))
                + "?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=5ecret5ignature";
        JsonObject batch = json(api.post("/customers/" + mine.customer() + "/queue", Batches.collection(
                Batches.members().add(Batches.member(mine.space(), "slow", slow))
                        .add(Batches.member(mine.space(), "gone", gone)))));
        HttpResponse<byte[]> ingesting = get(mine.servicePath("slow") + "/info.json");
        assertEquals(404, ingesting.statusCode());
        assertTrue(body(ingesting).getString("detail").contains("still being ingested"), new String(ingesting.body()));
        Batches.awaitFinished(api, Batches.path(batch), java.time.Duration.ofMinutes(2));
        for (String path : new String[] {mine.servicePath("gone") + "/info.json",
                mine.servicePath("gone") + "/full/max/0/default.jpg",
                mine.servicePath("gone").replace("/iiif-img/", "/thumbs/") + "/info.json"}) {
            HttpResponse<byte[]> failed = get(path);
            assertEquals(404, failed.statusCode(), path);
            String detail = body(failed).getString("detail");
            assertTrue(detail.contains("could not be ingested"), detail);
            for (String secret : new String[] {"5ecret", "AKIA", "X-Amz", "gone.jpg", "127.0.0.1", "404"}) {
                assertFalse(detail.contains(secret), path + " tells " + secret + ": " + detail);
            }
        }
        // the owner reads the reason in the authenticated API
        assertTrue(json(api.get(mine.imagePath("gone"))).getString("error").contains("404"));
        assertEquals(200, get(mine.servicePath("slow") + "/info.json").statusCode(), "and served once finished");
    }

    @Test
    void theThumbnailServiceServesTheStoredSizes() throws IOException {
        String thumbs = service().replace("/iiif-img/", "/thumbs/");
        JsonObject info = body(get(thumbs + "/info.json"));
        assertEquals("level0", info.getString("profile"));
        assertEquals(base + thumbs.substring(1), info.getString("id"));
        JsonArray sizes = info.getJsonArray("sizes");
        assertTrue(sizes.size() >= 2, sizes.toString());
        JsonObject largest = sizes.getJsonObject(sizes.size() - 1);
        int w = largest.getInt("width");
        int h = largest.getInt("height");
        Path version = Storage.versions(tenantAfter(service()), "grid").get(0);
        byte[] stored = java.nio.file.Files.readAllBytes(version.resolve("thumbs").resolve(w + "x" + h + ".jpg"));
        assertArrayEquals(stored, get(thumbs + "/full/" + w + "," + h + "/0/default.jpg").body());
        assertArrayEquals(stored, get(thumbs + "/full/!" + w + "," + w + "/0/default.jpg").body());
        assertArrayEquals(stored, get(thumbs + "/full/max/0/default.jpg").body());
        // a box larger than the whole image gets the largest thumbnail, here the image's own size
        assertEquals(WIDTH, w);
        assertArrayEquals(stored, get(thumbs + "/full/!" + 2 * w + "," + 2 * w + "/0/default.jpg").body());
        BufferedImage between = decode(get(thumbs + "/full/" + (w - 10) + ",/0/default.jpg"));
        assertEquals(w - 10, between.getWidth());
        assertEquals(400, get(thumbs + "/full/" + (w + 1) + ",/0/default.jpg").statusCode());
        assertEquals(501, get(thumbs + "/0,0,10,10/max/0/default.jpg").statusCode());
        assertEquals(303, get(thumbs).statusCode());
    }
}
