package io.quire.command.orgs;

import io.quire.command.common.CommandRetries;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.CreateOrgCommand;
import io.quire.kernel.orgs.OrgId;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Org creation and slug resolution.
 *
 * <p>Creation claims the slug in {@code org_slugs} and sends {@link CreateOrgCommand} in one
 * transaction: the claim and the org's first events commit together or not at all. Of concurrent
 * creators of one slug exactly one wins; the others fail on the claim's primary key before any
 * event of theirs is stored.
 */
@Service
public class OrgService {

  private final OrgSlugs slugs;
  private final CommandGateway commandGateway;
  private final TransactionTemplate transaction;
  private final Clock clock;

  /**
   * The commands are sent inside this service's own transaction, so never through the retrying
   * gateway (whose retry would commit on another thread while this transaction rolls back): a lost
   * race fails the whole transaction, which then runs again ({@link
   * CommandRetries#inTransactionRetried}).
   */
  @Autowired
  OrgService(
      OrgSlugs slugs,
      CommandBus commandBus,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this(slugs, CommandRetries.withoutRetries(commandBus), transactionManager, clock);
  }

  OrgService(
      OrgSlugs slugs,
      CommandGateway commandGateway,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.slugs = slugs;
    this.commandGateway = commandGateway;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Creates an org whose first admin is {@code creator}; the caller has checked the input's shape.
   *
   * @return the new org's id
   * @throws SlugTakenException when another org holds the slug
   * @throws IllegalArgumentException when the slug or the name breaks the org rules
   */
  public OrgId create(String slug, String name, UserId creator) {
    if (!OrgSlugPolicy.isValid(slug)) {
      throw new IllegalArgumentException("Not a valid org slug: " + slug);
    }
    if (slugs.isTaken(slug)) {
      throw new SlugTakenException(slug);
    }
    OrgId id = OrgId.random();
    CommandRetries.inTransactionRetried(
        transaction,
        () -> {
          claim(slug, id);
          commandGateway.sendAndWait(new CreateOrgCommand(id, slug, name, creator));
          return id;
        });
    return id;
  }

  private void claim(String slug, OrgId id) {
    try {
      slugs.claim(slug, id, clock.instant());
    } catch (DataIntegrityViolationException raced) {
      // Another creator claimed it since the check. (PostgreSQL holds this insert until that
      // claim's transaction ends and fails it only if that one commits.) This transaction rolls
      // back without having sent its command.
      throw new SlugTakenException(slug);
    }
  }
}
