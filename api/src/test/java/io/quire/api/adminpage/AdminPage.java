package io.quire.api.adminpage;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;

/** The operator page in a browser, in the words of its user: sign in, rebuild, page, verify. */
final class AdminPage {

  /** A request the page made: its method and its path with the query. */
  record Call(String method, String path) {}

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebDriver browser;
  private final String baseUrl;

  AdminPage(WebDriver browser, int port) {
    this.browser = browser;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  AdminPage open() {
    browser.get(baseUrl + "/admin/");
    waitFor(() -> visible("sign-in") || visible("console") || visible("refused"));
    return this;
  }

  AdminPage signIn(String username, String password) {
    element("username").clear();
    element("username").sendKeys(username);
    element("password").clear();
    element("password").sendKeys(password);
    element("sign-in-button").click();
    return this;
  }

  AdminPage signedInAsStaff() {
    waitFor(() -> visible("console") && !rowNames().isEmpty() && !events().isEmpty());
    return this;
  }

  boolean visible(String id) {
    List<WebElement> found = browser.findElements(By.id(id));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  String text(String id) {
    return element(id).getText();
  }

  WebElement element(String id) {
    return browser.findElement(By.id(id));
  }

  // --- Projections ---

  /**
   * The read model each row of the projections table shows, read in one script: the table is drawn
   * again every second, so rows found a moment earlier may be gone when their attributes are read.
   */
  @SuppressWarnings("unchecked")
  List<String> rowNames() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('#projection-rows tr')]"
                + ".map(row => row.getAttribute('data-name'))");
  }

  /**
   * Clicks a read model's rebuild button. The table is drawn again every second, so a button found
   * a moment ago may be gone: it is found again until a click lands.
   */
  void clickRebuild(String readModel) {
    waitFor(
        () -> {
          rebuildButton(readModel).click();
          return true;
        });
  }

  WebElement rebuildButton(String readModel) {
    return browser.findElement(
        By.cssSelector("#projection-rows button[data-name='" + readModel + "']"));
  }

  /** The rebuild bar of a read model, in percent; -1 while it shows none. */
  int progress(String readModel) {
    List<WebElement> bars = browser.findElements(By.id("progress-" + readModel));
    return bars.isEmpty() ? -1 : Integer.parseInt(bars.get(0).getDomProperty("value"));
  }

  String progressText(String readModel) {
    return browser
        .findElement(By.cssSelector("#projection-rows tr[data-name='" + readModel + "']"))
        .findElement(By.className("progress-text"))
        .getText();
  }

  // --- Event stream ---

  List<WebElement> events() {
    return browser.findElements(By.cssSelector("#event-list > li"));
  }

  /** The positions of the events shown, top to bottom. */
  List<Long> positions() {
    return events().stream().map(e -> Long.parseLong(e.getDomAttribute("data-position"))).toList();
  }

  List<String> summaries() {
    return events().stream().map(e -> e.findElement(By.tagName("summary")).getText()).toList();
  }

  // --- Keyboard ---

  void press(CharSequence key) {
    new Actions(browser).sendKeys(key).perform();
  }

  void tab() {
    press(Keys.TAB);
  }

  void shiftTab() {
    new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
  }

  /**
   * An attribute of the focused element, read in one script (the focused button may be drawn again
   * between finding it and reading it); null when nothing has it.
   */
  String focusedAttribute(String name) {
    return (String)
        script(
            "const e = document.activeElement; return e ? e.getAttribute(arguments[0]) : null;",
            name);
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  void screenshot(String name) {
    Chromium.screenshot(browser, name);
  }

  /** A screenshot with the section {@code id} scrolled to the top of the window. */
  void screenshot(String name, String id) {
    script("document.getElementById(arguments[0]).scrollIntoView()", id);
    Chromium.screenshot(browser, name);
  }

  /** Every request the page made to this server (from the browser's network log), in order. */
  List<Call> calls() {
    List<Call> calls = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get("performance")) {
      try {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if (!"Network.requestWillBeSent".equals(message.path("method").asText())) {
          continue;
        }
        JsonNode request = message.path("params").path("request");
        URI url = URI.create(request.path("url").asText());
        if (url.toString().startsWith(baseUrl)) {
          String query = url.getRawQuery();
          calls.add(
              new Call(
                  request.path("method").asText(),
                  url.getRawPath() + (query == null ? "" : "?" + query)));
        }
      } catch (Exception unreadable) {
        throw new IllegalStateException("an unreadable network log entry: " + entry, unreadable);
      }
    }
    return calls;
  }

  static void waitFor(Supplier<Boolean> condition) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(condition::get);
  }
}
