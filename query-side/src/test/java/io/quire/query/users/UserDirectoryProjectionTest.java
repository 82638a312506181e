package io.quire.query.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.quire.kernel.accounts.FindUserQuery;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.accounts.UserSummary;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserDirectoryProjectionTest {

  private final Map<UUID, DirectoryUser> rows = new HashMap<>();
  private final DirectoryUserRepository repository = inMemory(rows);
  private final UserDirectoryProjection projection = new UserDirectoryProjection(repository);
  private final UserId ada = UserId.of("6f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e0f");

  @Test
  void aRegisteredUserIsFoundByIdWithTheirUsername() {
    projection.on(new UserRegisteredEvent(ada, "ada", false, Instant.EPOCH));

    assertThat(projection.handle(new FindUserQuery(ada))).contains(new UserSummary(ada, "ada"));
  }

  @Test
  void replayingAnEventLeavesTheSameRow() {
    projection.on(new UserRegisteredEvent(ada, "ada", false, Instant.EPOCH));
    projection.on(new UserRegisteredEvent(ada, "ada", false, Instant.EPOCH));

    assertThat(rows).hasSize(1);
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThat(projection.handle(new FindUserQuery(ada))).isEmpty();
  }

  @Test
  void aResetEmptiesTheDirectoryBeforeAReplay() {
    projection.on(new UserRegisteredEvent(ada, "ada", false, Instant.EPOCH));

    projection.reset();

    verify(repository).deleteAllInBatch();
    assertThat(rows).isEmpty();
  }

  private static DirectoryUserRepository inMemory(Map<UUID, DirectoryUser> rows) {
    DirectoryUserRepository repository = mock(DirectoryUserRepository.class);
    when(repository.save(any()))
        .thenAnswer(
            call -> {
              DirectoryUser user = call.getArgument(0);
              rows.put(user.getId(), user);
              return user;
            });
    when(repository.findById(any()))
        .thenAnswer(call -> Optional.ofNullable(rows.get(call.<UUID>getArgument(0))));
    org.mockito.Mockito.doAnswer(
            call -> {
              rows.clear();
              return null;
            })
        .when(repository)
        .deleteAllInBatch();
    return repository;
  }
}
