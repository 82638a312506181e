package io.quire.api.accounts;

import io.quire.api.errors.FieldMessages;
import io.quire.command.accounts.AccountView;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.CodePointLength;

/** The request and response bodies of the accounts endpoints (snake_case on the wire). */
final class AccountDtos {

  private AccountDtos() {}

  static final String REQUIRED = FieldMessages.REQUIRED;

  record RegisterRequest(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              example = "alice",
              minLength = 3,
              maxLength = 150,
              pattern = "^[A-Za-z0-9_.-]+$",
              description = "Unique regardless of case.")
          @NotBlank(message = REQUIRED)
          @ValidUsername
          String username,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              example = "alice@example.com",
              format = "email",
              maxLength = 254,
              description = "An address whose domain has a dot, as Django's validator requires.")
          @NotBlank(message = REQUIRED)
          // Jakarta's @Email alone takes "a@b"; the domain must have a top-level part too.
          @Email(regexp = ".+@.+\\.[^.@]{2,}", message = "Enter a valid email address.")
          @CodePointLength(
              max = 254,
              message = "Ensure this field has no more than 254 characters.")
          String email,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              minLength = 10,
              maxLength = 4096,
              format = "password")
          @NotNull(message = REQUIRED)
          @CodePointLength(
              min = 10,
              max = 4096,
              message = "Ensure this field has 10 to 4096 characters.")
          String password) {}

  record TokenRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED) @NotBlank(message = REQUIRED) String username,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "password", maxLength = 4096)
          @NotNull(message = REQUIRED)
          @CodePointLength(
              max = 4096,
              message = "Ensure this field has no more than 4096 characters.")
          String password) {}

  record TokenResponse(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "Send as `Authorization: Token <token>`; it does not expire.")
          String token) {}

  record RegisteredUser(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) String username,
      @Schema(requiredMode = RequiredMode.REQUIRED) String email) {

    static RegisteredUser of(AccountView account) {
      return new RegisteredUser(account.id().toString(), account.username(), account.email());
    }
  }

  record Me(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) String username,
      @Schema(requiredMode = RequiredMode.REQUIRED) String email,
      @Schema(requiredMode = RequiredMode.REQUIRED) boolean isStaff) {

    static Me of(CurrentUser user) {
      return new Me(user.id().toString(), user.username(), user.email(), user.staff());
    }
  }
}
