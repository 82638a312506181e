package io.quire.pacts;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import io.quire.api.testing.Articles;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Verifies the consumers' pacts for provider {@code quire-api} against the whole application, over
 * real HTTP on its random port. The pacts come from the folder {@code src/test/resources/pacts/},
 * or from a Pact Broker when {@code PACT_BROKER_BASE_URL} is set ({@link QuirePactLoader}, {@link
 * PactSettings}; {@code docs/contracts.md}).
 *
 * <p>Every interaction is verified except those named in the {@code @PactFilter} below: the one
 * explicit list of interactions whose endpoints later issues build. Remove an entry when its
 * endpoint lands (and add the states it needs here); {@link NotProvidedYetListTest} fails on an
 * entry that names no interaction.
 *
 * <p>Provider states set up data through the application's own services (the {@link Users} fixture
 * calls {@code AccountService}, which sends the user's commands), never raw SQL, and always make
 * new users, so interactions are independent and can share the database with the other integration
 * tests. Each returns exactly the values the pacts README lists; pact-jvm injects them where the
 * pact says {@code ${name}}.
 */
@Provider("quire-api")
@PactSource(QuirePactLoader.class)
@PactFilter(
    filter = NotProvidedYet.class,
    value = {
      // Every interaction is provided now; a later one that is not goes here.
    })
@IntegrationTest
class QuireWebContractTest {

  @LocalServerPort int port;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired Articles articles;

  /** The team the org state made, for the task state that always follows it. */
  private Team team;

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("127.0.0.1", port));
  }

  // One interaction at a time, so the verifier's console output reads interaction by interaction.
  @TestTemplate
  @ExtendWith(QuirePactVerificationProvider.class)
  @Execution(ExecutionMode.SAME_THREAD)
  void verifiesTheInteraction(PactVerificationContext context) {
    context.verifyInteraction();
  }

  // State methods return Map<String, Object>: pact-jvm ignores any other return type, and an
  // unknown ${key} silently becomes an empty string.

  @State("a new username is available")
  public Map<String, Object> aNewUsernameIsAvailable() {
    return Map.of("username", Users.aNewUsername("alice"));
  }

  @State("a registered user")
  public Map<String, Object> aRegisteredUser() {
    TestUser user = users.aRegisteredUser("alice");
    return Map.of(
        "username", user.username(),
        "password", user.password(),
        "token", user.token(),
        "user_id", user.id());
  }

  @State("an org with admin ada, members bob, carol and erin, and outsider dave")
  public Map<String, Object> anOrgWithItsCast() {
    team = orgs.aTeam();
    Map<String, Object> values = new HashMap<>();
    values.put("slug", team.org().slug());
    Map.of(
            "ada", team.ada(),
            "bob", team.bob(),
            "carol", team.carol(),
            "erin", team.erin(),
            "dave", team.dave())
        .forEach(
            (name, user) -> {
              values.put(name + "_id", user.id());
              values.put(name + "_token", user.token());
            });
    return values;
  }

  @State("that org has a task created by bob and assigned to carol")
  public Map<String, Object> thatOrgHasATaskCreatedByBobAndAssignedToCarol() {
    if (team == null) {
      throw new IllegalStateException("This state follows the org state, which did not run");
    }
    return Map.of(
        "task_id", orgs.aTask(team.org(), team.bob(), team.carol(), "Write the quality plan"));
  }

  @State("a published article")
  public Map<String, Object> aPublishedArticle() {
    TestUser author = users.aRegisteredUser("bob");
    return Map.of(
        "article_id", articles.aPublishedArticle(author),
        "author_token", author.token(),
        "reader_token", users.aRegisteredUser("reader").token());
  }

  @State("a pending comment on a published article")
  public Map<String, Object> aPendingCommentOnAPublishedArticle() {
    String article = articles.aPublishedArticle(users.aRegisteredUser("ada"));
    return Map.of(
        "article_id", article,
        "comment_id", articles.aPendingComment(article, users.aRegisteredUser("bob")),
        "staff_token", users.aStaffUser().token());
  }

  @State("a staff user")
  public Map<String, Object> aStaffUser() {
    return Map.of("staff_token", users.aStaffUser().token());
  }
}
