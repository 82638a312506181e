package io.quire.perf.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One task to write and what then happens to it, derived from (seed, org, task number): the same
 * three always give the same task, whichever thread writes it and however often the seeder is
 * restarted.
 *
 * <p>Title: 3-8 content words. Description: 60%, one to three sentences. Creator: one of the org's
 * first {@value #CREATORS} members (its admins among them), so only a few users per org need a
 * token. Assignee: 70%, any member. Due date: 40%, within {@value #DUE_WITHIN_DAYS} days of {@link
 * #FIRST_DUE}. Then, by one of the org's admins (who may always edit): 95% go to {@code
 * in_progress}, 75% of all on to {@code done}; 30% are reassigned to another member (or assigned,
 * if nobody was), between the two. That is 3.0 events per task on average: the creation, 1.7 status
 * changes, 0.3 assignments.
 *
 * @param edits the changes, in order, each one {@code PATCH}
 */
record TaskPlan(
    String title,
    String description,
    SeededUser creator,
    SeededUser assignee,
    LocalDate dueDate,
    SeededUser editor,
    List<Edit> edits) {

  /** Members who create an org's tasks: the first this many. */
  static final int CREATORS = 5;

  static final LocalDate FIRST_DUE = LocalDate.of(2026, 12, 1);
  static final int DUE_WITHIN_DAYS = 180;

  /** One change: either a new status ({@code in_progress}, {@code done}) or a new assignee. */
  record Edit(String status, SeededUser assignee) {

    static Edit status(String status) {
      return new Edit(status, null);
    }

    static Edit assign(SeededUser assignee) {
      return new Edit(null, assignee);
    }
  }

  TaskPlan {
    edits = List.copyOf(edits);
  }

  static TaskPlan derive(long seed, SeededOrg org, int number) {
    Random random = new Random(Seeds.mix(seed, 0x7A5, org.index(), number));
    List<SeededUser> members = org.members();
    String title =
        ArticleText.capitalised(
            ArticleText.words(random, ArticleText.between(random, 3, 8), false));
    String description = random.nextInt(100) < 60 ? description(random) : null;
    List<SeededUser> creators = creators(org);
    SeededUser creator = creators.get(random.nextInt(creators.size()));
    SeededUser assignee =
        random.nextInt(100) < 70 ? members.get(random.nextInt(members.size())) : null;
    LocalDate due =
        random.nextInt(100) < 40 ? FIRST_DUE.plusDays(random.nextInt(DUE_WITHIN_DAYS)) : null;
    SeededUser editor = org.admins().get(random.nextInt(org.admins().size()));

    int status = random.nextInt(100);
    boolean reassign = random.nextInt(100) < 30;
    List<SeededUser> others = new ArrayList<>(members);
    others.remove(assignee);
    List<Edit> edits = new ArrayList<>(3);
    if (status >= 5) {
      edits.add(Edit.status("in_progress"));
    }
    if (reassign && !others.isEmpty()) {
      edits.add(Edit.assign(others.get(random.nextInt(others.size()))));
    }
    if (status >= 25) {
      edits.add(Edit.status("done"));
    }
    return new TaskPlan(title, description, creator, assignee, due, editor, edits);
  }

  /** The members who create the org's tasks: its first {@value #CREATORS}. */
  static List<SeededUser> creators(SeededOrg org) {
    return org.members().subList(0, Math.min(CREATORS, org.members().size()));
  }

  private static String description(Random random) {
    StringBuilder text = new StringBuilder();
    int sentences = ArticleText.between(random, 1, 3);
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        text.append(' ');
      }
      String words = ArticleText.words(random, ArticleText.between(random, 6, 14), true);
      text.append(ArticleText.capitalised(words)).append('.');
    }
    return text.toString();
  }
}
