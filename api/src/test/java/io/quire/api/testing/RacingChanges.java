package io.quire.api.testing;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.FindMemberQuery;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.RemoveMemberCommand;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryBus;

/**
 * Makes a chosen change land between a request's write and the read that answers it, as the same
 * change arriving on another server at that moment would: {@code races.removeBeforeTheNextReadOf(
 * org, member, admin)} removes the member just before the next read of that membership (on another
 * thread, as another server would, and waited for). Unarmed, it does nothing.
 */
public class RacingChanges {

  private final CommandGateway commands;
  private final Map<UserId, RemoveMemberCommand> removals = new ConcurrentHashMap<>();

  RacingChanges(QueryBus queries, CommandGateway commands) {
    this.commands = commands;
    queries.registerHandlerInterceptor(
        (unitOfWork, chain) -> {
          if (unitOfWork.getMessage().getPayload() instanceof FindMemberQuery find) {
            RemoveMemberCommand removal = removals.remove(find.userId());
            if (removal != null) {
              CompletableFuture.runAsync(() -> commands.sendAndWait(removal)).join();
            }
          }
          return chain.proceed();
        });
  }

  /** Before the next read of {@code member}'s membership, {@code admin} removes them. */
  public void removeBeforeTheNextReadOf(OrgId org, UserId member, UserId admin) {
    removals.put(member, new RemoveMemberCommand(org, member, admin, null));
  }
}
