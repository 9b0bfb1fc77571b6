package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's books, its Mirador viewer and its named queries, in a real browser against the
 * real server, with the viewer's own Content-Security-Policy enforced.
 */
class PortalBooksIT extends BrowserTest {

    /** A queued member that is a page of a book: string1 names the book, number1 is the page. */
    private static JsonObject page(int space, String id, String origin, String book, int number) {
        var page = Json.createObjectBuilder(member(space, id, origin)).add("number1", number);
        return (book == null ? page : page.add("string1", book)).build();
    }

    /** Queues the members and waits until the batch has finished. */
    private void register(Tenant tenant, JsonArrayBuilder members) throws InterruptedException {
        var accepted = tenant.api(base).post("/customers/" + tenant.customer() + "/queue", collection(members));
        assertEquals(201, accepted.getStatus());
        var batch = Batches.awaitFinished(tenant.api(base), Batches.path(json(accepted)), Duration.ofSeconds(120));
        assertEquals(0, batch.getInt("errors"), batch.toString());
    }

    private String manifestOfBook(Tenant tenant, String book) {
        return base + "iiif-resource/" + tenant.customer() + "/book/" + tenant.space() + "/"
                + URLEncoder.encode(book, UTF_8).replace("+", "%20");
    }

    @Test
    void aSpacesImagesAsBooksAFewAtATimeEachWithItsManifestAndViewerLink() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        String image = origin().serveImage("/" + tenant.name() + "/book-page.jpg", "image/jpeg", Fixtures.jpeg(240, 320));
        var members = Batches.members();
        for (int number : new int[]{3, 1, 2}) {
            members.add(page(tenant.space(), "a-" + number, image, "Book A/1", number));
        }
        for (int i = 1; i <= 11; i++) {
            members.add(page(tenant.space(), String.format("solo-%02d", i), image, String.format("solo-%02d", i), 1));
        }
        members.add(page(tenant.space(), "loose-1", image, null, 0)).add(page(tenant.space(), "loose-2", image, null, 0));
        register(tenant, members);

        signIn(tenant);
        browser.get(base + "portal/#/spaces/" + tenant.space());
        // the space's table links each queued image to its batch (the API's batch field, a URL or a number)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#images tr[data-id='a-1'] a.batch-link")));
        watchThePage();
        browser.findElement(By.id("books-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("book-count"), "10 books shown"));
        // a bounded number of small requests: none asks for more than one image
        assertEquals(0, ((Number) script("return window.fetches.filter((f) => f.url.includes('/images?')"
                + " && !f.url.includes('pageSize=1&') && !f.url.endsWith('pageSize=1')).length;")).intValue(),
                "every listing request asks for one image");
        assertTrue(fetchesOf("/images?") <= 2 * 10 + 2 * 5, "two requests a book, and a few to skip unnamed images");
        List<WebElement> books = browser.findElements(By.cssSelector("#books .book"));
        assertEquals(10, books.size());
        WebElement first = browser.findElement(By.cssSelector("#books .book[data-book='Book A/1']"));
        assertEquals("3 pages", first.findElement(By.cssSelector(".pages")).getText());
        String manifest = manifestOfBook(tenant, "Book A/1");
        assertEquals(manifest, first.findElement(By.cssSelector(".copy input")).getAttribute("value"));
        assertTrue(manifest.endsWith("/book/" + tenant.space() + "/Book%20A%2F1"), manifest);
        WebElement open = first.findElement(By.cssSelector("a.open-viewer"));
        assertEquals(base + "portal/viewer.html?manifest=" + URLEncoder.encode(manifest,
                UTF_8).replace("+", "%20"), open.getAttribute("href"));
        assertEquals("noopener noreferrer", open.getAttribute("rel"), "the viewer's tab gets no copy of this tab's key");
        WebElement cover = first.findElement(By.cssSelector("img"));
        wait.until(driver -> (Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0;", cover));
        assertEquals("1 page", browser.findElement(By.cssSelector("#books .book[data-book='solo-01'] .pages")).getText());
        screenshot("13-books");

        browser.findElement(By.id("more-books")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("book-count"), "12 books shown"));
        assertEquals(12, browser.findElements(By.cssSelector("#books .book")).size());
        assertTrue(browser.findElements(By.cssSelector("#books .book[data-book='']")).isEmpty(), "no book of unnamed images");
        assertTrue(!browser.findElement(By.id("more-books")).isDisplayed(), "every book is shown: no more to load");
        assertTrue(browser.findElement(By.id("book-count")).getText().contains("16 images"));
        screenshot("14-more-books");

        // the link opens the book (the built-in query "book"; its name's "/" sent as %2F) in the viewer
        browser.get(open.getAttribute("href"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "1 of 3"));
        assertEquals(manifest, browser.findElement(By.id("manifest-url")).getAttribute("value"));
        screenshot("14a-book-in-viewer");
    }

    @Test
    void theViewerOpensOnlyThisServersManifests() throws Exception {
        for (String elsewhere : new String[]{"http://127.0.0.2:1/iiif-resource/1/book/1/x",
                base + "customers/1", "javascript:alert(1)"}) {
            browser.get(base + "portal/viewer.html?manifest=" + URLEncoder.encode(elsewhere,
                    UTF_8));
            WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("viewer-message")));
            assertTrue(message.getText().startsWith("Only manifests of this server open here"), message.getText());
            assertEquals(0L, script("return document.querySelectorAll('#viewer *').length;"), "no viewer drawn");
            assertEquals(0L, script("return performance.getEntriesByType('resource')"
                    + ".filter((e) => e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest').length;"),
                    "nothing fetched");
        }
        browser.get(base + "portal/viewer.html");
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("viewer-message"))).getText()
                .startsWith("No manifest"));
    }

    /**
     * The test the issue names: Mirador, served by this server, opens the manifest a named query
     * makes of a 5-page book (registered out of page order) and draws the first page's tiles.
     */
    @Test
    void miradorFromThisServerOpensAFivePageNamedQueryManifestAndDrawsTheFirstCanvas() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        var members = Batches.members();
        for (int number : new int[]{4, 2, 5, 1, 3}) {
            String image = origin().serveImage("/" + tenant.name() + "/five-" + number + ".jpg", "image/jpeg",
                    Fixtures.jpeg(400 + 40 * number, 300 + 20 * number));
            members.add(page(tenant.space(), "five-" + number, image, "five", number));
        }
        register(tenant, members);
        assertEquals(201, tenant.api(base).post("/customers/" + tenant.customer() + "/namedQueries",
                "{\"name\":\"pages\",\"template\":\"space=p1&s1=p2&canvas=n1\"}").getStatus());
        String manifest = base + "iiif-resource/" + tenant.customer() + "/pages/" + tenant.space() + "/five";
        assertEquals(5, json(Api.anonymous(base).get(manifest.substring(base.toString().length() - 1)))
                .getJsonArray("items").size(), "the named query's manifest has the five pages");

        browser.get(base + "portal/viewer.html?manifest=" + URLEncoder.encode(manifest, UTF_8));
        assertTrue(((String) script("return document.querySelector('script[src*=mirador]').src;"))
                .startsWith(base + "webjars/mirador/4.0.0/"), "Mirador comes from this server");
        // the first canvas is page 1: its tiles were asked for and came
        // (the manifest names the image service of each version: /iiif-img/v3/... and /iiif-img/v2/...)
        String firstPage = "/" + tenant.customer() + "/" + tenant.space() + "/five-1/";
        wait.withMessage(() -> "requests made: " + script("return performance.getEntriesByType('resource')"
                + ".map((e) => e.responseStatus + ' ' + e.name).join('\\n');")).until(driver -> ((Number) script("return performance.getEntriesByType('resource').filter((e) =>"
                + " e.name.includes('/iiif-img/') && e.name.includes(arguments[0]) && e.name.endsWith('/default.jpg')"
                + " && e.responseStatus === 200).length;",
                firstPage)).intValue() > 0);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "1 of 5"));
        // and drew them: the viewer's canvas shows the page's coloured cells, not a blank area
        WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".openseadragon-canvas")));
        wait.until(driver -> coloursCovering(canvas, 0.01) >= 4);
        assertEquals(0L, script("return performance.getEntriesByType('resource').filter((e) =>"
                + " e.name.includes('/iiif-img/') && e.responseStatus >= 400).length;"), "no image request failed");
        screenshot("15-mirador-book");
    }

    /** How many colours (to 5 bits a channel) each cover at least {@code share} of the element's pixels. */
    private static long coloursCovering(WebElement element, double share) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(element.getScreenshotAs(OutputType.BYTES)));
            var counts = new HashMap<Integer, Integer>();
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    counts.merge(image.getRGB(x, y) & 0xf8f8f8, 1, Integer::sum);
                }
            }
            int pixels = counts.values().stream().mapToInt(Integer::intValue).sum();
            return counts.values().stream().filter(n -> n >= share * pixels).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void namedQueriesAreListedMadeTriedAndDeletedAndTheApisRefusalsShown() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        String image = origin().serveImage("/" + tenant.name() + "/query-page.jpg", "image/jpeg", Fixtures.jpeg(300, 200));
        register(tenant, Batches.members().add(page(tenant.space(), "q-2", image, "tried", 2))
                .add(page(tenant.space(), "q-1", image, "tried", 1)));
        String queries = "/customers/" + tenant.customer() + "/namedQueries";
        signIn(tenant);
        browser.findElement(By.linkText("Named queries")).click();
        WebElement book = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queries tr[data-name='book']")));
        assertTrue(book.getText().contains("global"), book.getText());
        assertTrue(book.findElements(By.cssSelector("button.danger")).isEmpty(), "a global query of another is not deletable here");
        assertTrue(browser.findElements(By.cssSelector("#new-query input[name=global]")).isEmpty(),
                "only an administrator makes global queries");

        // a malformed template: the API's own words, next to the form, and nothing made
        String malformed = "{\"name\":\"broken\",\"template\":\"space=p1&colour=red\"}";
        createQuery("broken", "space=p1&colour=red");
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-query-message .error")));
        String detail = json(tenant.api(base).post(queries, malformed)).getString("detail");
        assertEquals(detail, refusal.getText());
        screenshot("16-query-refused");

        createQuery("pages", "space=p1&s1=p2&canvas=n1");
        WebElement made = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queries tr[data-name='pages']")));
        assertTrue(made.getText().contains("space=p1&s1=p2&canvas=n1"));
        createQuery("pages", "space=p1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-query-message .error")));

        // try it: the URL from the parameters, the server's answer, and a link to the viewer
        browser.findElement(By.cssSelector("#queries tr[data-name='pages'] button.secondary")).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("try-query")));
        assertEquals(2, form.findElements(By.cssSelector("input[name^=p]")).size(), "p1 and p2");
        form.findElement(By.name("p1")).sendKeys(String.valueOf(tenant.space()));
        form.findElement(By.name("p2")).sendKeys("tried");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("try-answer"), "The server answers a manifest with 2 canvases."));
        String url = base + "iiif-resource/" + tenant.customer() + "/pages/" + tenant.space() + "/tried";
        assertEquals(url, browser.findElement(By.id("try-url")).getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector("#try-result a.open-viewer")).getAttribute("href")
                .endsWith("viewer.html?manifest=" + URLEncoder.encode(url, UTF_8)));
        screenshot("17-query-tried");
        WebElement p2 = browser.findElement(By.cssSelector("#try-query input[name=p2]"));
        p2.clear();
        p2.sendKeys("no-such-book");
        browser.findElement(By.cssSelector("#try-query button[type=submit]")).click();
        WebElement notFound = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#try-result .error")));
        assertTrue(!notFound.getText().isBlank());

        browser.findElement(By.cssSelector("#queries tr[data-name='pages'] button.danger")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#queries tr[data-name='pages']")));
        assertTrue(json(tenant.api(base).get(queries)).getJsonArray("member").getValuesAs(JsonObject.class)
                .stream().noneMatch(query -> query.getString("name").equals("pages")), "deleted");

        // an administrator may make a query global
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(Api.ADMIN_KEY);
        browser.findElement(By.id("secret")).sendKeys(Api.ADMIN_SECRET);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-space")));
        browser.findElement(By.linkText("Named queries")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-query input[name=global]")));
    }

    private void createQuery(String name, String template) {
        WebElement form = browser.findElement(By.id("new-query"));
        for (String[] field : new String[][]{{"name", name}, {"template", template}}) {
            WebElement input = form.findElement(By.name(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
