package io.quire.api.adminpage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs both when missing). Selenium Manager is not used: it
 * cannot download drivers here, so the driver and the browser are named by path ({@code
 * QUIRE_CHROMIUM}, {@code QUIRE_CHROMEDRIVER} to point elsewhere). The browser keeps its network
 * log, so a test can list every request the page made.
 */
final class Chromium {

  static final String BROWSER = env("QUIRE_CHROMIUM", "/usr/bin/chromium");
  static final String DRIVER = env("QUIRE_CHROMEDRIVER", "/usr/bin/chromedriver");

  /**
   * Where screenshots go: {@code target/admin-screenshots}, or the folder named by {@code
   * -Dquire.admin.screenshots} (the committed ones: {@code
   * -Dquire.admin.screenshots=../docs/admin}).
   */
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("quire.admin.screenshots", "target/admin-screenshots"));

  private Chromium() {}

  static WebDriver start() {
    if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
      throw new IllegalStateException(
          "the operator page's browser tests need Chromium and its driver ("
              + BROWSER
              + ", "
              + DRIVER
              + "): apt-get install chromium chromium-driver (.ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-GB");
    options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Saves what the browser shows as {@code <name>.png} in {@link #SCREENSHOTS}. */
  static void screenshot(WebDriver browser, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
