package fr.pairaidance.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (no browser or driver download), with a
 * fresh profile; axe-core checks of WCAG 2.2 A and AA; screenshots of what each test saw under
 * {@code target/browser/}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    final WebDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=fr-FR", "--user-data-dir=" + profile);
        // Headless Chromium sends Accept-Language from this preference, not from --lang.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("/usr/bin/chromedriver"))).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    private static String executable(String path) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
                    + "(.ci/run does it with apt-get)");
        }
        return path;
    }

    /** Asserts axe-core finds no WCAG 2.2 A or AA violation on the page as it is now. */
    void assertAccessible(String name) {
        screenshot(name);
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), name + " (" + driver.getCurrentUrl() + ") has accessibility violations:\n"
                + violations.stream().map(v -> "- " + v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                        .map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")));
    }

    /** A request carrying this browser's cookies: a download as the signed-in person makes it. */
    io.restassured.specification.RequestSpecification download() {
        io.restassured.specification.RequestSpecification request = io.restassured.RestAssured.given();
        for (org.openqa.selenium.Cookie cookie : driver.manage().getCookies()) {
            request = request.cookie(cookie.getName(), cookie.getValue());
        }
        return request;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("[browser] no screenshot of " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
