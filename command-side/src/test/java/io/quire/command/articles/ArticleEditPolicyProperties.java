package io.quire.command.articles;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.longs;

import io.quire.command.testing.Fixtures;
import io.quire.kernel.accounts.UserId;
import io.quire.testsupport.Seeded;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ArticleEditPolicyProperties {

  /** Any id at all, mixed with a small pool so that actor and author often coincide. */
  private static final Gen<UserId> IDS =
      longs()
          .all()
          .zip(longs().all(), (high, low) -> new UserId(new UUID(high, low)))
          .mix(arbitrary().pick(Fixtures.PEOPLE), 50);

  private static final Gen<UserId> IDS_OR_NOBODY = IDS.mix(arbitrary().constant((UserId) null), 10);

  @Test
  void anActorMayEditIfAndOnlyIfStaffOrTheAuthor() {
    Seeded.qt()
        .forAll(IDS_OR_NOBODY, booleans().all(), IDS)
        .check(
            (actor, staff, author) ->
                ArticleEditPolicy.mayEdit(actor, staff, author)
                    == (staff || (actor != null && actor.equals(author))));
  }

  @Test
  void theAuthorMayAlwaysEditTheirArticle() {
    Seeded.qt()
        .forAll(IDS, booleans().all())
        .check((author, staff) -> ArticleEditPolicy.mayEdit(author, staff, author));
  }

  @Test
  void staffMayEditEveryArticle() {
    Seeded.qt()
        .forAll(IDS_OR_NOBODY, IDS_OR_NOBODY)
        .check((actor, author) -> ArticleEditPolicy.mayEdit(actor, true, author));
  }

  @Test
  void someoneElseWhoIsNotStaffMayNeverEdit() {
    Seeded.qt()
        .forAll(IDS_OR_NOBODY, IDS_OR_NOBODY)
        .assuming((actor, author) -> actor == null || !actor.equals(author))
        .check((actor, author) -> !ArticleEditPolicy.mayEdit(actor, false, author));
  }

  @Test
  void nobodyIsNeverTheAuthor() {
    Seeded.qt()
        .forAll(IDS_OR_NOBODY)
        .check(author -> !ArticleEditPolicy.mayEdit(null, false, author));
  }
}
