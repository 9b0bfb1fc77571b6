package dlcs.it;

import static dlcs.it.Api.json;
import static dlcs.it.Batches.collection;
import static dlcs.it.Batches.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcs.it.Api.Tenant;
import dlcs.it.TestOrigin.Bytes;
import dlcs.it.TestOrigin.Status;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal in a real browser against the real server: sign in, spaces, upload, the deep-zoom
 * viewer, and batches. Each step leaves a screenshot in target/portal-screenshots/.
 */
class PortalIT extends BrowserTest {

    @Test
    void thePortalRunsUnderAContentSecurityPolicyThatTheBrowserEnforces() throws Exception {
        java.net.HttpURLConnection page = (java.net.HttpURLConnection) new java.net.URL(base, "portal/").openConnection();
        String policy = page.getHeaderField("Content-Security-Policy");
        page.disconnect();
        assertTrue(policy != null && policy.contains("script-src 'self'"), "the portal's policy: " + policy);

        browser.get(base + "portal/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
        // a script put into the page, as an injected one would be, does not run, and the refusal is seen
        Object seen = ((JavascriptExecutor) browser).executeAsyncScript(String.join("\n",
                "const done = arguments[arguments.length - 1];",
                "document.addEventListener('securitypolicyviolation', (e) => done(e.effectiveDirective), { once: true });",
                "window.injected = false;",
                "const inline = document.createElement('script');",
                "inline.textContent = 'window.injected = true;';",
                "document.head.append(inline);",
                "setTimeout(() => done('no violation'), 5000);"));
        assertEquals("script-src-elem", seen);
        assertEquals(false, script("return window.injected;"), "the inline script did not run");
        List<String> logged = policyViolations();
        assertEquals(1, logged.size(), "the browser logged it, where each test looks: " + logged);
    }

    @Test
    void signInManageSpacesUploadAndViewInDeepZoom() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        browser.get(base + "portal/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(tenant.key());
        browser.findElement(By.id("secret")).sendKeys("not-the-secret");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#sign-in .error"), "not right"));
        screenshot("01-wrong-secret");
        browser.findElement(By.id("secret")).clear();
        signIn(tenant);
        assertTrue(!browser.getCurrentUrl().contains(tenant.secret()), "the secret is never in a URL");
        screenshot("02-spaces");

        WebElement name = browser.findElement(By.cssSelector("#new-space input[name=name]"));
        name.sendKeys("Portal space");
        browser.findElement(By.cssSelector("#new-space button")).click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Portal space")));
        screenshot("03-space-created");
        link.click();

        Path image = Files.createTempFile("portal-upload", ".jpg");
        Files.write(image, Fixtures.jpeg(1200, 900));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("files"))).sendKeys(image.toString());
        browser.findElement(By.cssSelector("#upload input[name=id]")).sendKeys("uploaded-1");
        browser.findElement(By.cssSelector("#upload input[name=string1]")).sendKeys("book-9");
        browser.findElement(By.cssSelector("#upload input[name=tags]")).sendKeys("portal, demo");
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-results"),
                "registered as uploaded-1"));
        WebElement thumbnail = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#images tr[data-id='uploaded-1'] img")));
        wait.until(driver -> (Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0;",
                thumbnail));
        assertTrue(browser.findElement(By.id("images")).getText().contains("1200 × 900"));
        screenshot("04-uploaded");

        browser.findElement(By.linkText("uploaded-1")).click();
        int space = spaceOf(tenant);
        WebElement info = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("info-url")));
        assertTrue(info.getAttribute("value").endsWith("/iiif-img/" + tenant.customer() + "/" + space
                + "/uploaded-1/info.json"), info.getAttribute("value"));
        // the viewer asked for tiles and drew them: some pixel of its canvas is not blank
        wait.until(driver -> ((Number) script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/iiif-img/') && e.name.endsWith('/default.jpg')).length;"))
                .intValue() > 0);
        wait.until(driver -> (Boolean) script("const c = document.querySelector('#viewer canvas');"
                + " if (!c || c.width === 0) return false;"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (let i = 3; i < d.length; i += 4 * 97) { if (d[i] > 0) return true; } return false;"));
        screenshot("05-viewer");

        // back in the space: two more files at once, one of them not an image
        browser.findElement(By.partialLinkText("Space ")).click();
        Path second = Files.createTempFile("portal-second", ".jpg");
        Files.write(second, Fixtures.jpeg(300, 200));
        Path broken = Files.createTempFile("portal-broken", ".jpg");
        Files.write(broken, Fixtures.html());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("files")))
                .sendKeys(second + "\n" + broken);
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#upload-results li .ok")).size()
                + driver.findElements(By.cssSelector("#upload-results li .error")).size() == 2);
        assertTrue(browser.findElement(By.cssSelector("#upload-results li .error")).getText()
                .contains(broken.getFileName().toString()));
        screenshot("05a-two-files-one-bad");
        wait.until(ExpectedConditions.textToBe(By.id("image-count"), "2 images"));

        // filter on tag and on string1, rename the space, delete the image
        WebElement tagFilter = browser.findElement(By.cssSelector("#filters input[name=tag]"));
        tagFilter.sendKeys("demo");
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("image-count"), "1 image"));
        browser.findElement(By.cssSelector("#filters input[name=tag]")).clear();
        WebElement filter = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#filters input[name=string1]")));
        filter.sendKeys("no-such-book");
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("image-count"), "0 images"));
        filter = browser.findElement(By.cssSelector("#filters input[name=string1]"));
        filter.clear();
        filter.sendKeys("book-9");
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("image-count"), "1 image"));
        assertTrue(browser.findElements(By.cssSelector("#images tr[data-id='uploaded-1'] button.secondary")).isEmpty(),
                "an upload has no origin to fetch again: no re-ingest button");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        screenshot("05b-space-on-a-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.findElement(By.cssSelector("#images tr[data-id='uploaded-1'] button.danger")).click();
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBe(By.id("image-count"), "0 images"));
        assertEquals(1, json(tenant.api(base).get("/customers/" + tenant.customer() + "/spaces/" + space
                + "/images")).getInt("totalItems"), "the other upload is still there");
        assertEquals(404, tenant.api(base).get("/customers/" + tenant.customer() + "/spaces/" + space
                + "/images/uploaded-1").getStatus());
        browser.findElement(By.linkText("Spaces")).click();
        WebElement rename = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[aria-label='New name for space " + space + "']")));
        rename.clear();
        rename.sendKeys("Renamed space");
        rename.findElement(By.xpath("following-sibling::button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Renamed space")));
        screenshot("06-renamed");
    }

    private int spaceOf(Tenant tenant) {
        return json(Api.admin(base).get("/customers/" + tenant.customer() + "/spaces")).getJsonArray("member")
                .getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(space -> space.getString("name").equals("Portal space")).findFirst().orElseThrow()
                .getInt("id");
    }

    @Test
    void followABatchSeeItsFailureAndRetryIt() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        String p = "/" + tenant.name() + "/portal";
        String good = origin().serveImage(p + "/a.jpg", "image/jpeg", Fixtures.jpeg(300, 200));
        String later = origin().serve(p + "/later.jpg", new Status(404));
        var members = Batches.members();
        for (int i = 0; i < 3; i++) {
            members.add(member(tenant.space(), "good-" + i, good));
        }
        members.add(member(tenant.space(), "later", later));
        assertEquals(201, tenant.api(base).post("/customers/" + tenant.customer() + "/queue",
                collection(members)).getStatus());

        signIn(tenant);
        browser.findElement(By.linkText("Batches")).click();
        WebElement bar = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".batch progress")));
        wait.until(driver -> "4".equals(bar(driver).getAttribute("value")));
        assertEquals("4", bar(browser).getAttribute("max"));
        assertTrue(browser.findElement(By.cssSelector(".batch .counts")).getText().contains("3 completed, 1 errors"));
        screenshot("07-batch-finished");

        browser.findElement(By.cssSelector(".batch a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("failed"), "later"));
        assertTrue(browser.findElement(By.id("failed")).getText().contains("404"));
        screenshot("08-batch-failures");

        origin().serve(p + "/later.jpg", new Bytes("image/jpeg", Fixtures.jpeg(120, 90)));
        browser.findElement(By.id("retry")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("failed"), "None."));
        wait.until(driver -> driver.findElement(By.cssSelector(".batch .counts")).getText()
                .contains("4 completed, 0 errors"));
        screenshot("09-batch-retried");
        assertEquals(120, json(tenant.api(base).get(tenant.imagePath("later"))).getInt("width"));
        List<WebElement> unused = browser.findElements(By.id("retry"));
        assertTrue(unused.isEmpty() || !unused.get(0).isDisplayed(), "nothing left to retry");

        // an image registered from an origin can be fetched again from the space's table
        String before = json(tenant.api(base).get(tenant.imagePath("good-0"))).getString("finished");
        browser.get(base + "portal/#/spaces/" + tenant.space());
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#images tr[data-id='good-0'] button.secondary"))).click();
        wait.until(driver -> !before.equals(json(tenant.api(base).get(tenant.imagePath("good-0"))).getString("finished")));
    }

    @Test
    void anAdministratorPicksTheCustomerAndACustomerKeySeesNoPicker() throws Exception {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        assertEquals(200, admin.patch("/customers/" + tenant.customer() + "/spaces/" + tenant.space(),
                "{\"name\":\"Picked space\"}").getStatus());
        browser.get(base + "portal/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(Api.ADMIN_KEY);
        browser.findElement(By.id("secret")).sendKeys(Api.ADMIN_SECRET);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        WebElement picker = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer")));
        new org.openqa.selenium.support.ui.Select(picker).selectByValue(String.valueOf(tenant.customer()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Picked space")));
        screenshot("10-administrator");
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
        assertEquals(null, script("return sessionStorage.getItem('dlcs.portal.session');"), "signed out: nothing kept");
        signIn(tenant);
        assertTrue(!browser.findElement(By.id("customer")).isDisplayed(), "a customer key has no picker");
    }

    @Test
    void dropAFileAndPageThroughTheImages() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        String image = origin().serveImage("/" + tenant.name() + "/page.jpg", "image/jpeg", Fixtures.jpeg(200, 150));
        var members = Batches.members();
        for (int i = 0; i < 21; i++) {
            members.add(member(tenant.space(), String.format("page-%02d", i), image));
        }
        var accepted = tenant.api(base).post("/customers/" + tenant.customer() + "/queue", collection(members));
        Batches.awaitFinished(tenant.api(base), Batches.path(json(accepted)), Duration.ofSeconds(120));

        signIn(tenant);
        browser.get(base + "portal/#/spaces/" + tenant.space());
        wait.until(ExpectedConditions.textToBe(By.id("image-count"), "21 images"));
        assertTrue(browser.findElement(By.id("main")).getText().contains("Page 1 of 2"));
        browser.findElement(By.linkText("Next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Page 2 of 2"));
        assertEquals(1, browser.findElements(By.cssSelector("#images tbody tr")).size());

        // a file dropped on the upload area (made by the page itself: a drawn canvas as a JPEG)
        ((JavascriptExecutor) browser).executeAsyncScript(String.join("\n",
                "const done = arguments[arguments.length - 1];",
                "const canvas = document.createElement('canvas');",
                "canvas.width = 320; canvas.height = 240;",
                "const g = canvas.getContext('2d');",
                "g.fillStyle = '#3a7'; g.fillRect(0, 0, 320, 240);",
                "canvas.toBlob((blob) => {",
                "  const files = new DataTransfer();",
                "  files.items.add(new File([blob], 'dropped.jpg', { type: 'image/jpeg' }));",
                "  document.querySelector('.drop').dispatchEvent(",
                "      new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));",
                "  done();",
                "}, 'image/jpeg', 0.9);"));
        browser.findElement(By.cssSelector("#upload input[name=id]")).sendKeys("dropped");
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-results"),
                "dropped.jpg: registered as dropped (320 × 240)"));
        wait.until(ExpectedConditions.textToBe(By.id("image-count"), "22 images"));
        screenshot("11-dropped-and-paged");
    }

    @Test
    void signInAndUploadByKeyboardWithEveryControlLabelled() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        browser.get(base + "portal/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
        // keyboard only: focus the key field, type, Tab to the secret, type, Enter submits
        script("document.getElementById('key').focus();");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(tenant.key()).sendKeys(org.openqa.selenium.Keys.TAB)
                .sendKeys(tenant.secret()).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-space")));
        browser.get(base + "portal/#/spaces/" + tenant.space());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
        // every form control has a label (a wrapping label, a label for it, or an aria-label)
        Object unlabelled = script("return Array.from(document.querySelectorAll('input, select, button, textarea'))"
                + ".filter(e => !e.closest('label') && !e.getAttribute('aria-label') && !e.textContent.trim()"
                + " && !(e.id && document.querySelector('label[for=\"' + e.id + '\"]'))).map(e => e.outerHTML);");
        assertEquals(List.of(), unlabelled);
        screenshot("12-keyboard");
    }

    @Test
    void aNavigationRendersThePageOnce() throws Exception {
        Api admin = Api.admin(base);
        Tenant tenant = admin.newTenant();
        By tenantSpace = By.cssSelector("#main a[href='#/spaces/" + tenant.space() + "']");

        // signing in goes to the spaces: one render, the list fetched once
        browser.get(base + "portal/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(tenant.key());
        watchThePage();
        browser.findElement(By.id("secret")).sendKeys(tenant.secret());
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(tenantSpace));
        observe(Duration.ofMillis(1500));
        assertEquals(1, fetchesOf("/spaces?pageSize=500"), "the spaces are fetched once");
        assertEquals(1, ((Number) script("return window.renders;")).intValue(), "one render of the spaces");

        // signing out shows the sign-in form once
        resetCounts();
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
        observe(Duration.ofMillis(1500));
        assertEquals(1, ((Number) script("return window.renders;")).intValue(), "one render of the sign-in form");

        // an administrator on the batches page picks a customer: its spaces, fetched once
        browser.findElement(By.id("key")).sendKeys(Api.ADMIN_KEY);
        browser.findElement(By.id("secret")).sendKeys(Api.ADMIN_SECRET);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-space")));
        browser.findElement(By.linkText("Batches")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#recent p, #recent .batch")));
        resetCounts();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("customer")))
                .selectByValue(String.valueOf(tenant.customer()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(tenantSpace));
        observe(Duration.ofMillis(1500));
        assertEquals(1, fetchesOf("customers/" + tenant.customer() + "/spaces?pageSize=500"),
                "the picked customer's spaces are fetched once");
        assertEquals(1, ((Number) script("return window.renders;")).intValue(), "one render of the spaces");
    }

    @Test
    void leavingABatchPageStopsItsPollingEvenDuringALoad() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        String good = origin().serveImage("/" + tenant.name() + "/poll.jpg", "image/jpeg", Fixtures.jpeg(120, 90));
        var accepted = tenant.api(base).post("/customers/" + tenant.customer() + "/queue",
                collection(Batches.members().add(member(tenant.space(), "polled", good))));
        int batch = json(accepted).getInt("id");
        signIn(tenant);
        watchThePage();

        // left after it has polled: no more fetches of the queue
        browser.findElement(By.linkText("Batches")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#recent .batch, #active .batch")));
        wait.until(driver -> fetchesOf("/queue/active") >= 2);
        leaveAndSeeNoMorePolling("the batches page polls no more once left");

        // left while its first load is still waiting for the server: it never starts polling
        script("window.hold();");
        browser.findElement(By.linkText("Batches")).click();
        wait.until(driver -> fetchesOf("/queue/active") >= 1 && fetchesOf("/queue/recent") >= 1);
        leaveAndSeeNoMorePolling("the batches page left during its load never polls");

        // the same for one batch's page
        browser.findElement(By.linkText("Batches")).click();
        By link = By.cssSelector(".batch a[href='#/batches/" + batch + "']");
        wait.until(ExpectedConditions.elementToBeClickable(link));
        script("window.hold();");
        // a redraw already under way may still replace the link once: click whichever is there
        wait.until(driver -> {
            driver.findElement(link).click();
            return true;
        });
        wait.until(driver -> fetchesOf("/queue/batches/" + batch + "/images") >= 1);
        leaveAndSeeNoMorePolling("a batch's page left during its load never polls");
    }

    /**
     * Goes to the spaces, then lets any held call of the queue answer, and sees no fetch of the
     * queue in the next five seconds (more than two polls' time).
     */
    private void leaveAndSeeNoMorePolling(String message) throws InterruptedException {
        browser.findElement(By.linkText("Spaces")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-space")));
        script("if (window.release) window.release();");
        resetCounts();
        observe(Duration.ofSeconds(5));
        assertEquals(0, fetchesOf("/queue/"), message);
    }

    @Test
    void theKeyAndSecretGoOnlyToThisServer() throws Exception {
        Tenant tenant = Api.admin(base).newTenant();
        signIn(tenant);
        watchThePage();
        @SuppressWarnings("unchecked")
        var result = (java.util.Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(String.join("\n",
                "const done = arguments[arguments.length - 1];",
                "const [elsewhere, spacePath] = [arguments[0], arguments[1]];",
                "const opened = [];",
                "const open = XMLHttpRequest.prototype.open;",
                "XMLHttpRequest.prototype.open = function (method, target) { opened.push(String(target)); return open.apply(this, arguments); };",
                "import(new URL('js/api.js', location.href).href).then(async (api) => {",
                "  const refusals = [];",
                "  for (const target of elsewhere) {",
                "    for (const send of [() => api.call(target), () => api.upload(target, 'POST', new File(['x'], 'x.jpg'), {}, () => {})]) {",
                "      try { await send(); refusals.push('sent to ' + target); } catch (e) { refusals.push(e.message); }",
                "    }",
                "  }",
                "  const refusedFetches = window.fetches.slice();",
                "  const space = await api.call(spacePath);",
                "  const followed = await api.call(space['@id']);",
                "  done({ refusals, refusedFetches: refusedFetches.map((f) => f.url), opened, id: space['@id'],",
                "    followedId: followed.id, followedFetch: window.fetches[window.fetches.length - 1] });",
                "}).catch((e) => done({ error: String(e) }));"),
                List.of("http://127.0.0.2:1/x", "//127.0.0.2:1/x", "HTTP://127.0.0.2:1/x",
                        "https://" + base.getHost() + ":" + base.getPort() + "/customers",
                        "javascript:alert(1)"),
                "customers/" + tenant.customer() + "/spaces/" + tenant.space());
        assertEquals(null, result.get("error"));
        assertEquals(List.of(), result.get("refusedFetches"), "nothing fetched for another origin");
        assertEquals(List.of(), result.get("opened"), "no upload opened to another origin");
        @SuppressWarnings("unchecked")
        List<String> refusals = (List<String>) result.get("refusals");
        assertEquals(10, refusals.size());
        assertTrue(refusals.stream().allMatch(m -> m.startsWith("Not sent")), refusals.toString());

        // an absolute URL of this server (an @id from a response) is followed, as a path, with the key
        assertTrue(((String) result.get("id")).startsWith(base.getProtocol() + "://"), (String) result.get("id"));
        assertEquals((long) tenant.space(), ((Number) result.get("followedId")).longValue());
        @SuppressWarnings("unchecked")
        var followed = (java.util.Map<String, Object>) result.get("followedFetch");
        assertEquals("/customers/" + tenant.customer() + "/spaces/" + tenant.space(), followed.get("url"));
        assertEquals(true, followed.get("authorization"));
    }

    private static WebElement bar(WebDriver driver) {
        return driver.findElement(By.cssSelector(".batch progress"));
    }
}
