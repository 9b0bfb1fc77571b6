package dlcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcs.it.Api.Tenant;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test of the portal in a real browser (Debian's headless Chromium, driven through
 * chromedriver) against the real server. Every test fails on any Content-Security-Policy
 * violation the browser reports; steps can leave screenshots in target/portal-screenshots/.
 * Skipped where Chromium is not installed (.ci/run installs it).
 */
abstract class BrowserTest extends ServerTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");

    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("portal-chromium"));
        // the browser's console, where a Content-Security-Policy violation is reported
        options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // the batch views redraw every two seconds: an element found may be replaced at once
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    /** Every test: the page broke no rule of the portal's Content-Security-Policy. */
    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            try {
                assertEquals(List.of(), policyViolations(), "Content-Security-Policy violations in the browser");
            } finally {
                browser.quit();
            }
        }
    }

    /** The violations of a Content-Security-Policy the browser has logged since the last call. */
    protected List<String> policyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    protected void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    protected void signIn(Tenant tenant) {
        browser.get(base + "portal/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key"))).sendKeys(tenant.key());
        browser.findElement(By.id("secret")).sendKeys(tenant.secret());
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-space")));
    }

    protected Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /**
     * Wraps the page's fetch to note every call (its URL, and whether it carried an
     * Authorization header) in window.fetches, and counts the headings #main is given (one a
     * render) in window.renders. While window.hold() is in force, calls to the queue wait
     * until window.release(), as from a slow server. Lasts until the page is loaded again.
     */
    protected void watchThePage() {
        script(String.join("\n",
                "window.fetches = [];",
                "window.renders = 0;",
                "let gate = null;",
                "window.hold = () => { gate = new Promise((open) => { window.release = () => { gate = null; open(); }; }); };",
                "const send = window.fetch;",
                "window.fetch = (input, init = {}) => {",
                "  const target = String(input);",
                "  window.fetches.push({ url: target, authorization: Boolean(init.headers && init.headers.Authorization) });",
                "  return gate && target.includes('/queue/') ? gate.then(() => send(input, init)) : send(input, init);",
                "};",
                "new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {",
                "  if (node.tagName === 'H1') window.renders++;",
                "}))).observe(document.getElementById('main'), { childList: true });"));
    }

    /** How many fetches the page has started whose URL contains {@code part}. */
    protected int fetchesOf(String part) {
        return ((Number) script("return window.fetches.filter((f) => f.url.includes(arguments[0])).length;", part))
                .intValue();
    }

    /** Starts the count of fetches and renders again from nothing. */
    protected void resetCounts() {
        script("window.fetches = []; window.renders = 0;");
    }

    /** A bounded window in which nothing more is expected to happen (polls are two seconds apart). */
    protected static void observe(Duration window) throws InterruptedException {
        Thread.sleep(window.toMillis());
    }
}
