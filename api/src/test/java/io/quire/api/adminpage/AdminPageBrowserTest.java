package io.quire.api.adminpage;

import static io.quire.api.adminpage.AdminPage.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.adminpage.AdminPage.Call;
import io.quire.api.projections.OwnQuire;
import io.quire.api.testing.HttpApi;
import io.quire.command.accounts.AccountService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The operator page end to end, in headless Chromium, against a Quire server of its own (its
 * rebuilds and its tampering with stored history are nobody else's) whose rebuilds run slowly
 * enough to be watched. Each test takes the screenshots of the states it reaches ({@link
 * Chromium#SCREENSHOTS}; the committed ones are in {@code docs/admin/}).
 */
@ResourceLock(OwnQuire.SERVERS)
@Execution(ExecutionMode.SAME_THREAD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPageBrowserTest {

  private static final String PASSWORD = "correct-horse-battery-staple";
  private static final int SEEDED_TASKS = 120;

  private OwnQuire quire;
  private HttpApi api;
  private String staff;
  private String staffToken;
  private String slug;
  private String tasks;
  private WebDriver browser;
  private AdminPage page;

  @BeforeAll
  void startQuireWithAnOrgOfTasks() {
    quire =
        OwnQuire.start(
            "adminpage",
            "--quire.projections.rebuild.watch=500ms",
            "--quire.projections.rebuild.lease=5s",
            "--quire.projections.rebuild.batch=20",
            "--quire.projections.rebuild.pause=150ms",
            "--quire.projections.rebuild.cut-over-within=5");
    api = quire.api();
    staff = anAccount("ops", true);
    staffToken = quire.bean(AccountService.class).issueToken(staff, PASSWORD);
    slug = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            api.as(staffToken).post("/api/v1/orgs/", Map.of("slug", slug, "name", "Ops")).status())
        .isEqualTo(201);
    tasks = "/api/v1/orgs/" + slug + "/tasks/";
    IntStream.rangeClosed(1, SEEDED_TASKS).forEach(this::aTask);
  }

  @BeforeEach
  void openABrowser() {
    browser = Chromium.start();
    page = new AdminPage(browser, quire.port());
  }

  @AfterEach
  void closeTheBrowser() {
    browser.quit();
  }

  @AfterAll
  void stopQuire() {
    quire.close();
  }

  @Test
  void staffSeeEveryReadModelTheNewestEventsAndTheHeadOfTheSeals() {
    page.open();
    page.screenshot("1-sign-in");
    page.signIn(staff, PASSWORD).signedInAsStaff();

    JsonNode listed = api.as(staffToken).get("/api/v1/admin/projections/").json().path("results");
    List<String> names = new ArrayList<>();
    listed.forEach(item -> names.add(item.path("name").asText()));
    assertThat(page.rowNames()).containsExactlyElementsOf(names);
    JsonNode head = api.as(staffToken).get("/api/v1/admin/events/head/").json();
    waitFor(() -> page.positions().get(0) >= head.path("position").asLong());
    assertThat(page.positions()).hasSize(50).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(page.text("head-hash")).matches("[0-9a-f]{64}");
    assertThat(page.text("signed-in-as")).isEqualTo("Signed in as " + staff);
    page.screenshot("2-signed-in");
  }

  @Test
  void aRebuildStartedOnThePageReachesOneHundredPercentWhileWritesGoOn() {
    page.open().signIn(staff, PASSWORD).signedInAsStaff();
    long before = taskCount();

    page.clickRebuild("tasks");
    waitFor(() -> page.element("confirm-rebuild").isDisplayed());
    assertThat(page.text("confirm-name")).isEqualTo("tasks");
    page.screenshot("3-confirm-rebuild");
    page.element("confirm-ok").click();

    // Writes go on at 20 a second, slower than the rebuild replays (20 events every 150 ms), so
    // that it catches up.
    AtomicInteger written = new AtomicInteger();
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    ScheduledFuture<?> writes =
        writer.scheduleAtFixedRate(
            () -> aTask(SEEDED_TASKS + written.incrementAndGet()), 0, 50, TimeUnit.MILLISECONDS);
    try {
      waitFor(() -> page.progress("tasks") > 0 && page.progress("tasks") < 100);
      assertThat(page.progressText("tasks")).contains("events/s", "ETA");
      page.screenshot("4-rebuilding");
      waitFor(() -> page.progress("tasks") == 100);
      assertThat(page.progressText("tasks")).isEqualTo("100%, rebuilt");
      assertThat(writes.isDone()).as("every write during the rebuild succeeded").isFalse();
    } finally {
      writes.cancel(false);
      writer.shutdown();
    }
    assertThat(awaitTermination(writer)).isTrue();
    page.screenshot("5-rebuilt");

    assertThat(written.get()).isPositive();
    assertThat(taskCount()).isEqualTo(before + written.get());
  }

  @Test
  void theEventStreamPagesBackAndForthAndShowsEachEventsData() {
    page.open().signIn(staff, PASSWORD).signedInAsStaff();
    long newest = page.positions().get(0);

    page.element("older-events").click();
    waitFor(() -> page.positions().get(0) == newest - 50);
    assertThat(page.positions())
        .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> newest - 50 - i).toList());
    page.element("newer-events").click();
    waitFor(() -> page.positions().get(0) == newest);

    WebElement first = page.events().get(0);
    first.findElement(By.tagName("summary")).click();
    String data = first.findElement(By.tagName("pre")).getText();
    assertThat(data).startsWith("{").contains("\n  \"");

    page.element("filter-type").sendKeys("task.created");
    page.element("apply-filters").click();
    waitFor(() -> page.text("events-status").endsWith("filtered by type task.created"));
    assertThat(page.summaries())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s).contains(" task.created on "));

    page.element("filter-type").clear();
    page.element("filter-org").sendKeys(slug);
    page.element("apply-filters").click();
    waitFor(() -> page.text("events-status").endsWith("filtered by org " + slug));
    List<Long> ofTheOrg =
        api
            .as(staffToken)
            .get("/api/v1/orgs/" + slug + "/audit/?after=0&limit=1000")
            .json()
            .findValues("global_sequence")
            .stream()
            .map(JsonNode::asLong)
            .toList();
    assertThat(page.positions()).isNotEmpty().allMatch(ofTheOrg::contains);
    page.events().get(0).findElement(By.tagName("summary")).click();
    page.screenshot("6-event-stream", "events");
  }

  @Test
  void followingTheStreamShowsNewEventsAsTheyAreWritten() {
    page.open().signIn(staff, PASSWORD).signedInAsStaff();
    long newest = page.positions().get(0);

    page.element("follow-events").click();
    String title = "Followed " + UUID.randomUUID();
    api.as(staffToken).post(tasks, Map.of("title", title));

    waitFor(() -> page.positions().get(0) > newest);
    assertThat(page.summaries().get(0)).contains("task.created", "by " + staff);
    page.events().get(0).findElement(By.tagName("summary")).click();
    assertThat(page.events().get(0).findElement(By.tagName("pre")).getText()).contains(title);
  }

  @Test
  void verifyingTheSealsReportsAnIntactHistoryAndTheFirstBrokenLinkOfATamperedOne() {
    page.open().signIn(staff, PASSWORD).signedInAsStaff();
    page.element("verify-seals").click();
    waitFor(() -> page.text("verify-result").startsWith("Intact:"));
    page.screenshot("7-seals-intact", "seals");

    Map<String, Object> victim =
        quire
            .sql()
            .queryForMap(
                "SELECT global_index, aggregate_identifier, payload FROM domain_event_entry"
                    + " WHERE payload_type LIKE '%TaskCreatedEvent' ORDER BY global_index LIMIT 1");
    byte[] original = (byte[]) victim.get("payload");
    String forged =
        new String(original, StandardCharsets.UTF_8).replace("\"title\":\"", "\"title\":\"Forged ");
    quire
        .sql()
        .update(
            "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
            forged.getBytes(StandardCharsets.UTF_8),
            victim.get("global_index"));
    try {
      page.element("verify-seals").click();
      waitFor(() -> page.text("verify-result").startsWith("Broken:"));
      assertThat(page.text("verify-result"))
          .contains("aggregate " + victim.get("aggregate_identifier"))
          .contains("seal does not match");
      page.screenshot("8-seals-broken", "seals");
    } finally {
      quire
          .sql()
          .update(
              "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
              original,
              victim.get("global_index"));
    }
    page.element("verify-seals").click();
    waitFor(() -> page.text("verify-result").startsWith("Intact:"));
  }

  @Test
  void aWrongPasswordIsSaidPlainlyAndAUserWhoIsNotStaffIsRefused() {
    String member = anAccount("member", false);
    page.open().signIn(member, "not-the-password");
    waitFor(() -> page.text("sign-in-error").equals("Wrong username or password."));
    page.screenshot("9-wrong-password");

    page.signIn(member, PASSWORD);
    waitFor(() -> page.visible("refused"));
    assertThat(page.text("refused-text")).contains("for staff accounts");
    assertThat(page.visible("console")).isFalse();
    page.screenshot("10-refused");
  }

  @Test
  void anExpiredOrWrongTokenGoesBackToSignIn() {
    page.open().signIn(staff, PASSWORD).signedInAsStaff();

    page.script("sessionStorage.setItem('quire.admin.token', 'not-a-token')");
    browser.navigate().refresh();

    waitFor(() -> page.visible("sign-in"));
    assertThat(page.text("sign-in-notice")).contains("Your session has ended");
    assertThat(page.visible("console")).isFalse();
    assertThat(page.script("return sessionStorage.getItem('quire.admin.token')")).isNull();
    page.screenshot("11-session-ended");
  }

  @Test
  void thePageCanBeUsedWithTheKeyboardAlone() {
    page.open();
    assertThat(
            page.script(
                "return [...document.querySelectorAll('input')]"
                    + ".filter(i => i.labels.length === 0).map(i => i.id)"))
        .as("inputs without a label")
        .isEqualTo(List.of());

    assertThat(page.focusedAttribute("id"))
        .as("the page opens with the caret in the username")
        .isEqualTo("username");
    page.shiftTab();
    assertThat((String) page.script("return document.activeElement.outerHTML"))
        .contains("Skip to content");
    page.tab();
    assertThat(page.focusedAttribute("id")).isEqualTo("username");
    page.press(staff);
    page.tab();
    assertThat(page.focusedAttribute("id")).isEqualTo("password");
    page.press(PASSWORD);
    page.press(Keys.ENTER);
    page.signedInAsStaff();

    assertThat(
            page.script(
                "return [...document.querySelectorAll('button')]"
                    + ".filter(b => !(b.getAttribute('aria-label') || b.textContent).trim())"
                    + ".length"))
        .as("buttons without a name")
        .isEqualTo(0L);
    // The table is drawn again every second, so the button is known by its name, not as an element.
    for (int i = 0; i < 40 && !"Rebuild tasks".equals(page.focusedAttribute("aria-label")); i++) {
      page.tab();
    }
    assertThat(page.focusedAttribute("aria-label"))
        .as("the tasks' rebuild button, reached with Tab")
        .isEqualTo("Rebuild tasks");

    page.press(Keys.ENTER);
    waitFor(() -> page.element("confirm-rebuild").isDisplayed());
    assertThat(page.focusedAttribute("id")).isEqualTo("confirm-cancel");
    page.press(Keys.ESCAPE);
    waitFor(() -> !page.element("confirm-rebuild").isDisplayed());
    // focus goes back to the rebuild button as drawn at that moment (and stays on the one drawn
    // after it): the button of the same name
    waitFor(() -> "Rebuild tasks".equals(page.focusedAttribute("aria-label")));
  }

  @Test
  void everyCallThePageMakesIsAnOperationOfTheOpenApiDocument() {
    page.open().signIn(staff, PASSWORD).signedInAsStaff();
    page.element("older-events").click();
    page.element("newer-events").click();
    page.element("filter-type").sendKeys("task.created");
    page.element("apply-filters").click();
    page.element("follow-events").click();
    page.element("copy-hash").click();
    page.element("verify-seals").click();
    waitFor(() -> page.text("verify-result").startsWith("Intact:"));
    page.clickRebuild("orgs");
    waitFor(() -> page.element("confirm-rebuild").isDisplayed());
    page.element("confirm-ok").click();
    waitFor(() -> page.progress("orgs") == 100);
    page.element("sign-out").click();

    JsonNode paths = api.get("/api/schema/").json().path("paths");
    List<Call> calls = page.calls();
    assertThat(calls.stream().filter(c -> c.path().startsWith("/api/")).map(Call::path))
        .anyMatch(p -> p.startsWith("/api/v1/auth/token/"))
        .anyMatch(p -> p.startsWith("/api/v1/admin/projections/"))
        .anyMatch(p -> p.contains("/rebuild/"))
        .anyMatch(p -> p.startsWith("/api/v1/admin/events/?"))
        .anyMatch(p -> p.startsWith("/api/v1/admin/events/verify/"));
    assertThat(calls)
        .allSatisfy(
            call ->
                assertThat(
                        List.of("/admin/", "/admin/admin.js", "/admin/admin.css")
                                .contains(call.path())
                            || documented(paths, call))
                    .as(call + " is one of the page's files or an operation of /api/schema/")
                    .isTrue());
  }

  private static boolean documented(JsonNode paths, Call call) {
    String path = call.path().split("\\?", 2)[0];
    for (Iterator<String> templates = paths.fieldNames(); templates.hasNext(); ) {
      String template = templates.next();
      Pattern shape = Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+"));
      if (shape.matcher(path).matches()
          && paths.path(template).has(call.method().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean awaitTermination(ExecutorService executor) {
    try {
      return executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String anAccount(String prefix, boolean isStaff) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    quire.bean(AccountService.class).register(name, name + "@example.com", PASSWORD, isStaff);
    return name;
  }

  private void aTask(int number) {
    int status = api.as(staffToken).post(tasks, Map.of("title", "Task " + number)).status();
    assertThat(status).as("task " + number).isEqualTo(201);
  }

  private long taskCount() {
    return api.as(staffToken).get(tasks + "?page_size=1").json().path("count").asLong();
  }
}
