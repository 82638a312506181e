package io.quire.api.testing;

import io.quire.api.testing.Users.TestUser;
import io.quire.command.orgs.OrgService;
import io.quire.kernel.orgs.AddMemberCommand;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.CreateTaskCommand;
import io.quire.kernel.tasks.DeleteTaskCommand;
import io.quire.kernel.tasks.EditTaskCommand;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskStatus;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Makes orgs, members and tasks the way the application does (through its services and commands),
 * so tests read like the situation they set up: {@code orgs.aTeam()}, {@code
 * orgs.anOrgAdministeredBy(ada)}, {@code orgs.aTask(team.org(), bob, carol)}. Every org is new.
 */
public class Orgs {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  private static final AtomicLong COUNTER = new AtomicLong();

  private final OrgService orgs;
  private final CommandGateway commands;
  private final Users users;

  public Orgs(OrgService orgs, CommandGateway commands, Users users) {
    this.orgs = orgs;
    this.commands = commands;
    this.users = users;
  }

  /** A slug no org has: lower-case, digits and hyphens. */
  public static String aNewSlug(String hint) {
    return hint + "-" + RUN + "-" + COUNTER.incrementAndGet();
  }

  public TestOrg anOrgAdministeredBy(TestUser admin) {
    String slug = aNewSlug("org");
    OrgId id = orgs.create(slug, "Org " + slug, admin.userId());
    return new TestOrg(id, slug);
  }

  public void join(TestOrg org, TestUser user, Role role, TestUser addedBy) {
    commands.sendAndWait(
        new AddMemberCommand(org.id(), user.userId(), role, addedBy.userId(), null));
  }

  /**
   * The contract's cast: an org with admin ada, members bob, carol and erin, and dave, who is
   * registered but not a member.
   */
  public Team aTeam() {
    TestUser ada = users.aRegisteredUser("ada");
    TestOrg org = anOrgAdministeredBy(ada);
    TestUser bob = users.aRegisteredUser("bob");
    TestUser carol = users.aRegisteredUser("carol");
    TestUser erin = users.aRegisteredUser("erin");
    for (TestUser member : new TestUser[] {bob, carol, erin}) {
      join(org, member, Role.MEMBER, ada);
    }
    return new Team(org, ada, bob, carol, erin, users.aRegisteredUser("dave"));
  }

  /** A task in the org, created by {@code creator} and assigned to {@code assignee} (or nobody). */
  public String aTask(TestOrg org, TestUser creator, TestUser assignee, String title) {
    TaskId id = TaskId.random();
    commands.sendAndWait(
        new CreateTaskCommand(
            id,
            org.id(),
            title,
            "Cover it all",
            assignee == null ? null : assignee.userId(),
            null,
            creator.userId()));
    return id.toString();
  }

  /** {@code editor} gives the task a new title. */
  public void retitle(String task, TestUser editor, String title) {
    commands.sendAndWait(
        new EditTaskCommand(TaskId.of(task), editor.userId(), null, title, null, null, null, null));
  }

  /** {@code editor} moves the task to {@code status}. */
  public void move(String task, TestUser editor, TaskStatus status) {
    commands.sendAndWait(
        new EditTaskCommand(
            TaskId.of(task), editor.userId(), null, null, null, status, null, null));
  }

  /** {@code editor} deletes the task. */
  public void delete(String task, TestUser editor) {
    commands.sendAndWait(new DeleteTaskCommand(TaskId.of(task), editor.userId(), null));
  }

  /** An org a test made. */
  public record TestOrg(OrgId id, String slug) {

    /** {@code /api/v1/orgs/<slug>/} followed by {@code rest}. */
    public String path(String rest) {
      return "/api/v1/orgs/" + slug + "/" + rest;
    }
  }

  /** An org and its people, as the consumer contracts name them. */
  public record Team(
      TestOrg org, TestUser ada, TestUser bob, TestUser carol, TestUser erin, TestUser dave) {}
}
