package io.sluice.e2e.console;

import io.sluice.testkit.DemoUser;
import io.sluice.testkit.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, driven through Debian's chromedriver, signed in to the console through
 * Keycloak's own login page. One per test: each starts with no cookies.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** Long enough for a panel's refresh to settle; a read that takes longer is a failure of the page. */
    private static final Duration READ_WITHIN = Duration.ofSeconds(5);

    private final ChromeDriver driver;
    private final String consoleUrl;

    private ConsoleBrowser(ChromeDriver driver, String consoleUrl) {
        this.driver = driver;
        this.consoleUrl = consoleUrl;
    }

    static ConsoleBrowser open(String consoleUrl) {
        Path chromium = ExternalTool.require("chromium");
        Path chromedriver = ExternalTool.require("chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // --no-sandbox: CI runs the tests as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new ConsoleBrowser(driver, consoleUrl);
    }

    /** Opens the console, which sends the browser to Keycloak; signs in there as {@code user}. */
    ConsoleBrowser signIn(DemoUser user) {
        driver.get(consoleUrl + "/streams");
        await(Duration.ofSeconds(30), d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(user.username());
        driver.findElement(By.id("password")).sendKeys(user.username());
        driver.findElement(By.id("kc-login")).click();
        await(Duration.ofSeconds(30), d -> d.getCurrentUrl().startsWith(consoleUrl) && !d.findElements(By.id("who")).isEmpty());
        return this;
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(consoleUrl + path);
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Runs a script in the page, with the page's own objects. */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Waits for a condition the page reaches by itself. Its panels refresh every few seconds and replace their
     * content when it changed, so an element found in one poll can be gone when it is read: that poll is
     * retried rather than failed.
     */
    <T> T await(Duration within, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, within, Duration.ofMillis(250))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The text of an element in a refreshing panel, read again if the panel replaced it meanwhile. */
    String text(String id) {
        return await(READ_WITHIN, d -> find(id).getText());
    }

    /** An attribute of an element in a refreshing panel, read again if the panel replaced it meanwhile. */
    String attribute(String id, String name) {
        return await(READ_WITHIN, d -> find(id).getAttribute(name));
    }

    /** The player's position, in seconds. */
    double playerTime() {
        return ((Number) script("return document.getElementById('player').currentTime;")).doubleValue();
    }

    /** Waits until the player's position has moved on by {@code seconds}: the video plays. */
    void awaitPlaying(Duration within, double seconds) {
        double[] start = {-1};
        await(within, d -> {
            double now = playerTime();
            if (start[0] < 0 && now > 0) {
                start[0] = now;
            }
            return start[0] >= 0 && now >= start[0] + seconds;
        });
    }

    /**
     * A screenshot into {@code target/screenshots}, and into the folder {@code -Dsluice.console.screenshots}
     * names (the README's, {@code docs/images}) when it is set.
     */
    void screenshot(String name, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        try {
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Path local = Path.of("target/screenshots").resolve(name + ".png");
            Files.createDirectories(local.getParent());
            Files.copy(shot, local, StandardCopyOption.REPLACE_EXISTING);
            String published = System.getProperty("sluice.console.screenshots");
            if (published != null && !published.isBlank()) {
                Path target = Path.of(published).resolve("console-" + name + ".png");
                Files.createDirectories(target.getParent());
                Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
