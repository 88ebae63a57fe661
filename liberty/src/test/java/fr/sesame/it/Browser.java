package fr.sesame.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * A headless Chromium from Debian's packages, one per test class, with a clean cookie jar before
 * each test. Selenium Manager cannot download anything here: the binaries are given explicitly.
 */
public final class Browser implements ParameterResolver, BeforeEachCallback, AfterEachCallback, AfterAllCallback,
        org.junit.jupiter.api.extension.TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    /**
     * On a test class: its browser runs no script at all, as a locked-down school computer or a text
     * browser (Chromium's own setting, the one a person would turn off).
     */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface WithoutJavaScript {
    }

    /** The rules every page meets: WCAG 2.1, levels A and AA. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** Whether this run has axe-core check the pages (the embedded run; -Dsesame.it.axe=true). */
    private static final boolean AXE = Boolean.getBoolean("sesame.it.axe");
    /** The pages checked already in this JVM: a page, its language and its state (the ids it shows). */
    private static final java.util.Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** What identifies a page's state; numbers of rows (":3:") do not make another state. */
    private static final String PAGE_STATE_SCRIPT = "return location.pathname + '|' + document.documentElement.lang + '|'"
            + " + Array.from(document.querySelectorAll('[id]')).map(e => e.id.replace(/:\\d+(?=:|$)/g, ':n')).sort().join(' ');";

    private final WebDriver driver;
    private final boolean scripts;

    private Browser(WebDriver driver, boolean scripts) {
        this.driver = driver;
        this.scripts = scripts;
    }

    /** For JUnit: the extension instance is created per test class by {@code @ExtendWith}. */
    public Browser() {
        this.driver = null;
        this.scripts = true;
    }

    private static Browser open(boolean scripts) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("sesame.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1024",
                "--lang=fr-FR", "--user-data-dir=" + Files.createTempDirectory("sesame-chromium"));
        options.setAcceptInsecureCerts(true);
        if (!scripts) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, scripts);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(ItSettings.url(path).toString());
        checkAccessibility();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public String text(String cssSelector) {
        return find(cssSelector).getText();
    }

    public void type(String cssSelector, String value) {
        WebElement field = find(cssSelector);
        field.clear();
        field.sendKeys(value);
    }

    /** Waits until the page at {@code path} is shown. */
    public void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> path().equals(path));
        checkAccessibility();
    }

    public void waitFor(String cssSelector) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
        checkAccessibility();
    }

    /** Waits until the element shows a text containing {@code expected}. */
    public void waitForText(String cssSelector, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                // the page may be replaced while it is read
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), expected));
    }

    /**
     * Presses a button that submits the page (not by Ajax) and waits for the next page: what follows
     * then reads the answer, never the page that asked. The button is pressed from the keyboard, as
     * its place on the page does not matter then: a live check redrawing part of the form (the
     * password rules, 300 ms after the last key) moves the button, and a mouse click aimed where it
     * was before lands beside it and submits nothing.
     */
    public void submit(String cssSelector) {
        WebElement page = driver.findElement(By.tagName("html"));
        waitForAjax();
        find(cssSelector).sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(page));
        waitUntilLoaded();
        checkAccessibility();
    }

    /**
     * axe-core checks the page shown (WCAG 2.1 A and AA) unless the same page was checked in the same
     * language and state already; any violation fails the test, named with the elements concerned.
     * Without scripts nothing runs in the page, axe-core neither: those pages are checked with scripts.
     */
    public void checkAccessibility() {
        if (!AXE || !scripts) {
            return;
        }
        waitForAjax();
        String state = String.valueOf(((JavascriptExecutor) driver).executeScript(PAGE_STATE_SCRIPT));
        if (!CHECKED.add(state)) {
            return;
        }
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            CHECKED.remove(state);
            throw new AssertionError("axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            StringBuilder report = new StringBuilder("Accessibility violations (WCAG 2.1 AA) on " + driver.getCurrentUrl() + ":");
            for (Rule rule : violations) {
                report.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ").append(rule.getHelp());
                rule.getNodes().stream().limit(5).forEach(node -> report.append("\n    ").append(node.getTarget())
                        .append(" ").append(node.getHtml()));
            }
            throw new AssertionError(report.toString());
        }
    }

    /** Waits until no PrimeFaces Ajax request is queued or on its way (none on a page without PrimeFaces). */
    private void waitForAjax() {
        if (!scripts) {
            return;
        }
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Whether the element left the page; Chromium says so in two ways. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private void waitUntilLoaded() {
        if (!scripts) {
            return; // the driver waits for the page's load itself; no script may ask it
        }
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Ticks the "je ne suis pas un robot" box as a person would, and waits until the widget has solved
     * its proof of work and put it in the form.
     */
    public void solveChallenge() {
        waitFor("altcha-widget input[type='checkbox']");
        find("altcha-widget input[type='checkbox']").click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("altcha-widget input[name='altcha']"))
                .stream().anyMatch(input -> input.getAttribute("value") != null && !input.getAttribute("value").isBlank()));
    }

    /**
     * Logs in through the login page and waits for the page that follows; with a second factor, types
     * the app's code (or enrols one, for staff asked to) as the person would.
     */
    public void logIn(String identifiant, String password) {
        logInWithPasswordOnly(identifiant, password);
        secondStep(identifiant);
    }

    /** The login page's step alone: the page that follows may ask for the code. */
    public void logInWithPasswordOnly(String identifiant, String password) {
        open("/connexion");
        type("#connexion\\:identifiant", identifiant);
        type("#connexion\\:motDePasse", password);
        submit("#connexion\\:seConnecter");
    }

    /** After the password: the code step, or the enrolment a staff member is sent to. */
    public void secondStep(String identifiant) {
        if (path().equals("/connexion/code")) {
            type("#saisie\\:code", SecondFactors.nextCode(identifiant));
            submit("#saisie\\:valider");
        } else if (path().equals("/compte/double-authentification") && !findAll("#inscription-requise").isEmpty()) {
            enrol(identifiant);
            submit("#continuer");
        }
    }

    /**
     * On the second factor's page: starts the enrolment, reads the key as a person would type it into
     * the app, confirms with the app's code; returns the recovery codes shown.
     */
    public List<String> enrol(String identifiant) {
        if (!findAll("#activation\\:activer").isEmpty()) {
            submit("#activation\\:activer");
        }
        SecondFactors.enrolled(identifiant, text("#cle"));
        type("#confirmation\\:code", SecondFactors.nextCode(identifiant));
        submit("#confirmation\\:confirmer");
        return findAll("#codes-de-secours li").stream().map(WebElement::getText).toList();
    }

    public String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Every cookie of the browser, as a {@code Cookie} header for a plain HTTP client acting as this user. */
    public String cookieHeader() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The page shows no stack trace, server message code or exception text. */
    public void assertNoTechnicalDetail() {
        String source = driver.getPageSource();
        org.assertj.core.api.Assertions.assertThat(source)
                .doesNotContain("at java.", "at com.ibm.", "Exception:", "SRVE0", "CWWK", "Error 500", "Error 403");
    }

    /** What the page wrote to the console: CSP violations and script errors show up here. */
    public List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browserOf(context);
    }

    private static Browser browserOf(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("browser", key -> {
            try {
                return open(!context.getRequiredTestClass().isAnnotationPresent(WithoutJavaScript.class));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start Chromium", e);
            }
        }, Browser.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browser browser = browserOf(context);
        browser.actAsNewClient();
        browser.open("/erreur/404");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().logs().get(LogType.BROWSER); // drop what earlier tests logged
    }

    /**
     * From now on the browser comes from another client address (X-Forwarded-For, which the test
     * server trusts from localhost): limits counted per address start again from zero.
     */
    public String actAsNewClient() {
        // Random, so that a run never inherits the limits of an address an earlier run used.
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        actAs(address);
        return address;
    }

    /** From now on the browser comes from this client address. */
    public void actAs(String address) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", java.util.Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders",
                java.util.Map.of("headers", java.util.Map.of("X-Forwarded-For", address)));
    }

    /** A failed test leaves the page it saw (source and screenshot) in target/browser-failures/. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser browser = context.getParent().map(parent -> parent.getStore(NAMESPACE).get("browser", Browser.class)).orElse(null);
        if (browser == null) {
            return;
        }
        try {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "browser-failures"));
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            java.nio.file.Files.writeString(folder.resolve(name + ".html"),
                    browser.driver.getCurrentUrl() + "\n" + browser.driver.getPageSource());
            java.nio.file.Files.write(folder.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) browser.driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // the failure itself is what matters
        }
    }

    /** The page a test ends on is checked too: it may have been reached by a click or a link. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        Browser browser = context.getParent().map(parent -> parent.getStore(NAMESPACE).get("browser", Browser.class)).orElse(null);
        if (browser != null) {
            browser.checkAccessibility();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove("browser", Browser.class);
        if (browser != null) {
            browser.driver.quit();
        }
    }
}
