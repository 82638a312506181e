package io.quire.api.accounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.quire.command.accounts.AccountService;
import org.junit.jupiter.api.Test;

class InitialAdministratorTest {

  private final AccountService accounts = mock(AccountService.class);

  @Test
  void createsAStaffAccountWhenBothSettingsAreSetAndItDoesNotExist() {
    new InitialAdministrator(accounts, "root", "long-enough-password", "root@example.com")
        .run(null);

    verify(accounts).register("root", "root@example.com", "long-enough-password", true);
  }

  @Test
  void doesNothingUnlessBothSettingsAreSet() {
    new InitialAdministrator(accounts, "root", "", "").run(null);
    new InitialAdministrator(accounts, "", "long-enough-password", "").run(null);

    verify(accounts, never()).register(anyString(), anyString(), anyString(), anyBoolean());
  }

  @Test
  void leavesAnExistingAccountAlone() {
    when(accounts.exists("root")).thenReturn(true);

    new InitialAdministrator(accounts, "root", "long-enough-password", "").run(null);

    verify(accounts, never()).register(anyString(), anyString(), anyString(), anyBoolean());
  }

  @Test
  void refusesToStartWithAPasswordTooShortOrAnInvalidName() {
    assertThatThrownBy(() -> new InitialAdministrator(accounts, "root", "short", "").run(null))
        .hasMessageContaining("QUIRE_ADMIN_PASSWORD");
    assertThatThrownBy(
            () ->
                new InitialAdministrator(accounts, "not valid", "long-enough-password", "")
                    .run(null))
        .hasMessageContaining("QUIRE_ADMIN_USERNAME");
  }
}
