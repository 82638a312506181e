package io.quire.query.users;

import io.quire.kernel.accounts.FindUserQuery;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.accounts.UserSummary;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Builds the user directory from user events and answers {@link FindUserQuery}. */
@Component
@ProcessingGroup(UserDirectoryProjection.PROCESSING_GROUP)
class UserDirectoryProjection {

  static final String PROCESSING_GROUP = "user-directory";

  private final DirectoryUserRepository users;

  UserDirectoryProjection(DirectoryUserRepository users) {
    this.users = users;
  }

  @EventHandler
  void on(UserRegisteredEvent event) {
    // save() merges: replaying the same event leaves the same row.
    users.save(new DirectoryUser(event.userId().value(), event.username()));
  }

  @ResetHandler
  void reset() {
    users.deleteAllInBatch();
  }

  @QueryHandler
  Optional<UserSummary> handle(FindUserQuery query) {
    return users
        .findById(query.userId().value())
        .map(u -> new UserSummary(query.userId(), u.getUsername()));
  }
}
