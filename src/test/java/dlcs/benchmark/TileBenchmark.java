package dlcs.benchmark;

import dlcs.imaging.control.DerivativeFiles;
import dlcs.imaging.control.PyramidIndex;
import dlcs.imaging.control.PyramidWriter;
import dlcs.imaging.entity.PyramidLevel;
import dlcs.it.Api;
import dlcs.it.Api.Tenant;
import dlcs.it.ServerProcess;
import dlcs.it.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tile serving against IIPImage and against static files, printed (run by src/benchmark/iiif.sh,
 * not by the test suite). One 6000x4000 image is registered; then, with the same wrk load (2
 * threads, 16 connections, 127.0.0.1, bounded in time): (a) 1,000 canonical v2 tile requests over
 * all levels, and at once after it the same requests to lighttpd serving the tiles of the same
 * master as static files ({@link StaticTiles}: the practical limit of sending stored bytes), with
 * this server idle; (b) unaligned regions scaled
 * to 512 px, both from this server at -Xmx512m and from IIPImage (FastCGI behind lighttpd,
 * tile cache off) on the very TIFF this server stored; and (a) once more against IIPImage with
 * its 10 MB tile cache; and 32 connections of mixed requests, then of large renders (the whole
 * image at maxArea in every format, turned, grey, bitonal), to show the heap holds. This
 * server is measured first, after half a minute of mixed load so that its JIT compiler has
 * done its work (as in a server that has run for a while; IIPImage is native and needs none),
 * and stopped before IIPImage runs. Last, it is started again and the first tile it answers timed.
 */
class TileBenchmark {

    private static final int WIDTH = 6000;
    private static final int HEIGHT = 4000;
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 15);
    /** Load on this server before anything is measured: its JIT takes about 20 s to settle here. */
    private static final int JIT_WARM_UP_SECONDS = Integer.getInteger("benchmark.jit-warm-up-seconds", 30);
    private static final String IIPSRV = "/usr/lib/iipimage-server/iipsrv.fcgi";
    /** How many tile requests wrk rotates through: every tile of the image, the list repeated to this length. */
    private static final int TILE_REQUESTS = 1_000;
    /** The server's tile size (PyramidWriter.TILE_SIZE), which the static files are cut to. */
    private static final int TILE_SIZE = PyramidWriter.TILE_SIZE;

    @TempDir
    Path work;

    @Test
    void tilesAgainstIipImage() throws Exception {
        Wrk wrk = new Wrk(work);
        StringBuilder report = new StringBuilder();
        List<String> settings = List.of("dlcs.admin.key=" + Api.ADMIN_KEY, "dlcs.admin.secret=" + Api.ADMIN_SECRET,
                "dlcs.origin.allow-loopback=true");
        byte[] photo = BenchmarkImages.photoLike(7, WIDTH, HEIGHT);
        Path master = Files.write(work.resolve("photo.jpg"), photo);
        boolean staticFiles = Wrk.exists("lighttpd") && Wrk.exists("vips");
        // made before anything is measured, and idle until its turn
        try (StaticTiles files = staticFiles ? new StaticTiles(work.resolve("static"), master, TILE_SIZE) : null;
             TestOrigin origin = new TestOrigin();
             ServerProcess server = new ServerProcess(work, work.resolve("data"), 500, settings).withHeap("512m")) {
            server.start();
            Tenant tenant = Api.admin(server.base()).newTenant();
            String url = origin.serveImage("/photo.jpg", "image/jpeg", photo);
            int status = tenant.api(server.base()).put(tenant.imagePath("photo"), "{\"origin\":\"" + url + "\"}")
                    .getStatus();
            if (status != 201) {
                throw new IllegalStateException("Registering the benchmark image failed: " + status);
            }
            Path tif = storedPyramid(work.resolve("data"));
            PyramidIndex index = PyramidIndex.read(tif);
            if (index.full().tileWidth() != TILE_SIZE) {
                throw new IllegalStateException("The server stored tiles of " + index.full().tileWidth() + " px, the"
                        + " static files are of " + TILE_SIZE);
            }
            List<String> tiles = tileRequests(index);
            List<String> regions = regionRequests();
            String ours = server.base().toString().replaceAll("/$", "") + tenant.servicePath("photo") + "/";
            report.append(String.format("image                   %dx%d, %d levels, %d tiles (%d requests); %d region"
                    + " requests%n", WIDTH, HEIGHT, index.levels().size(), tiles.stream().distinct().count(),
                    tiles.size(), regions.size()));
            report.append(String.format("load                    wrk -t2 -c16 -d%ds on 127.0.0.1, each after a %d s warm-up;"
                    + " this server's JIT warmed up for %d s first%n", SECONDS, Wrk.WARM_UP_SECONDS, JIT_WARM_UP_SECONDS));
            report.append(String.format("%-34s %9s %12s %9s %9s %7s%n", "", "req/s", "CPU ms/req", "p50 ms",
                    "p99 ms", "errors"));

            HeapSampler heap = new HeapSampler(server.jvm());
            heap.start();
            ProcessHandle jvm = server.jvm();
            List<String> mixed = new ArrayList<>(tiles);
            mixed.addAll(regions);
            wrk.warmUp(ours, mixed, 16, JIT_WARM_UP_SECONDS);
            String loadBefore = ServerFacts.loadAverage();
            Wrk.Result a = wrk.run(ours, tiles, 16, () -> cpu(jvm));
            Wrk.Result s = null;
            String loadAfter = "";
            if (files != null) {
                List<String> missing = files.missing(tiles);
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("vips dzsave made no file for " + missing.size()
                            + " of the tile requests, such as " + missing.get(0));
                }
                s = wrk.run(files.base(), tiles, 16, files::cpu);
                loadAfter = ServerFacts.loadAverage();
                report.append(String.format("tile bytes, mean        this server %.0f, static files %.0f%n",
                        meanBytes(ours, tiles), meanBytes(files.base(), tiles)));
            }
            Wrk.Result b = wrk.run(ours, regions, 16, () -> cpu(jvm));
            Wrk.Result m = wrk.run(ours, mixed, 32, () -> cpu(jvm));
            // large renders at once: they wait for each other within the memory budget, and
            // every one is answered, none fails for want of heap
            Wrk.Result h = wrk.measure(ours, HEAVY, 32, () -> cpu(jvm), 120);
            heap.stop();
            // this server is stopped before IIPImage is measured, so that nothing it still does
            // (a collection, compilation) takes CPU from IIPImage's turn
            server.stop();
            line(report, "(a) tiles, this server", a);
            if (s == null) {
                report.append("static files            lighttpd or vips not installed (src/benchmark/iiif.sh installs"
                        + " them): no comparison\n");
            } else {
                line(report, "(s) tiles, lighttpd static files", s);
                report.append(String.format("ratio (a) / (s)          %.2f (target 0.5); load average %s before (a),"
                        + " %s after (s)%n", a.rate() / s.rate(), loadBefore, loadAfter));
            }
            line(report, "(b) regions to 512, this server", b);
            if (!Files.isExecutable(Path.of(IIPSRV)) || !Wrk.exists("lighttpd")) {
                report.append("IIPImage                not installed (src/benchmark/iiif.sh installs it): no comparison\n");
            } else {
                String iipTiles;
                Wrk.Result c;
                Wrk.Result d;
                Wrk.Result e;
                try (Iip iip = new Iip(work.resolve("iip-nocache"), 0)) {
                    iipTiles = iip.base() + tif + "/";
                    c = wrk.run(iipTiles, tiles, 16, iip::cpu);
                    d = wrk.run(iipTiles, regions, 16, iip::cpu);
                }
                try (Iip iip = new Iip(work.resolve("iip-cache"), 10)) {
                    e = wrk.run(iipTiles, tiles, 16, iip::cpu);
                }
                line(report, "(c) tiles, IIPImage, no cache", c);
                line(report, "    regions, IIPImage, no cache", d);
                line(report, "(c') tiles, IIPImage, 10 MB cache", e);
                report.append(String.format("ratio (a) / (c)          %.2f (target 4)%n", a.rate() / c.rate()));
                report.append(String.format("ratio (a) / (c')         %.2f (target 1.5)%n", a.rate() / e.rate()));
                report.append(String.format("ratio (b) / IIPImage     %.2f (target 1), (b) median %.1f ms (target < 25)%n",
                        b.rate() / d.rate(), b.p50()));
                report.append("IIPImage URL             ").append(iipTiles).append(tiles.get(0)).append('\n');
            }
            line(report, "mixed, 32 connections, this server", m);
            line(report, "heavy, 32 connections, this server", h);
            report.append(String.format("server heap peak        %.0f MiB of 512 (used, garbage included)%n",
                    heap.peakBytes() / (1024.0 * 1024)));
            report.append("server JPEG codec       ").append(ServerFacts.jpegCodec(server.log())).append('\n');
            server.start();
            report.append(String.format("first tile after start  %.1f ms (target < 100)%n",
                    firstRequestMillis(ours + tiles.get(0))));
        }
        System.out.println("\n=== tile benchmark ===\n" + report);
        Files.writeString(Path.of("target", "benchmark-tiles.txt"), report.toString());
    }

    private static void line(StringBuilder report, String name, Wrk.Result r) {
        // a rate under 100 requests/s keeps a decimal: the large renders' is a few a second
        report.append(String.format("%-34s %9s %12.3f %9.2f %9.2f %7d%n", name,
                String.format(r.rate() < 100 ? "%.1f" : "%.0f", r.rate()), r.cpuMillisPerRequest(), r.p50(), r.p99(),
                r.errors()));
    }

    /** The time to the last byte of one GET on a new connection, in milliseconds. */
    private static double firstRequestMillis(String url) throws IOException {
        long start = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException(url + " answered " + connection.getResponseCode());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The mean length of the bodies of {@code base + path} over the distinct paths, each read once. */
    private static double meanBytes(String base, List<String> paths) throws IOException {
        List<String> distinct = paths.stream().distinct().toList();
        long total = 0;
        for (String path : distinct) {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            try (InputStream body = connection.getInputStream()) {
                total += body.readAllBytes().length;
            }
        }
        return (double) total / distinct.size();
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static Path storedPyramid(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("storage"))) {
            return files.filter(p -> p.endsWith(DerivativeFiles.pyramid(p.getParent()).getFileName()))
                    .findFirst().orElseThrow();
        }
    }

    /**
     * Large renders: the whole image at its largest (16 million pixels, the default maxArea) in
     * every format, turned, mirrored, grey and bitonal, and a stored tile among them.
     */
    private static final List<String> HEAVY = List.of("full/max/0/default.jpg", "full/max/0/default.png",
            "full/max/90/gray.jpg", "pct:10,10,50,50/max/45/default.png", "full/max/!0/bitonal.tif",
            "full/^max/0/default.jpg", "100,100,5000,3000/3000,/33/color.gif", "0,0,1024,1024/256,/0/default.jpg");

    /**
     * Every tile of every level, as a viewer asks for them ({@code x,y,w,h/tw,/0/default.jpg},
     * the canonical v2 form), shuffled, the list repeated to {@value #TILE_REQUESTS} requests.
     */
    private static List<String> tileRequests(PyramidIndex index) {
        List<String> every = BenchmarkImages.tileRequests(WIDTH, HEIGHT, index.full().tileWidth(),
                index.levels().stream().map(PyramidLevel::scaleFactor).toList());
        List<String> requests = new ArrayList<>(TILE_REQUESTS);
        for (int i = 0; i < TILE_REQUESTS; i++) {
            requests.add(every.get(i % every.size()));
        }
        return requests;
    }

    /** Unaligned regions of 600 to 3000 px, scaled to 512 px wide. */
    private static List<String> regionRequests() {
        Random random = new Random(2);
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int w = 600 + random.nextInt(2400);
            int h = 400 + random.nextInt(1600);
            int x = random.nextInt(WIDTH - w);
            int y = random.nextInt(HEIGHT - h);
            requests.add(x + "," + y + "," + w + "," + h + "/512,/0/default.jpg");
        }
        return requests;
    }
}
