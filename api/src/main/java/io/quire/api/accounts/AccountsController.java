package io.quire.api.accounts;

import io.quire.api.accounts.AccountDtos.Me;
import io.quire.api.accounts.AccountDtos.RegisterRequest;
import io.quire.api.accounts.AccountDtos.RegisteredUser;
import io.quire.api.accounts.AccountDtos.TokenRequest;
import io.quire.api.accounts.AccountDtos.TokenResponse;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ErrorCode;
import io.quire.command.accounts.AccountService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and tokens. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Accounts")
class AccountsController {

  private final AccountService accounts;

  AccountsController(AccountService accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register an account",
      description = "A taken username is 400 on `username`.")
  RegisteredUser register(@Valid @RequestBody RegisterRequest request) {
    return RegisteredUser.of(
        accounts.register(request.username(), request.email(), request.password(), false));
  }

  @PostMapping("/token")
  @Operation(summary = "Get a token for a username and password")
  @ApiErrors({ErrorCode.INVALID_CREDENTIALS, ErrorCode.TOO_MANY_REQUESTS})
  TokenResponse token(@Valid @RequestBody TokenRequest request) {
    return new TokenResponse(accounts.issueToken(request.username(), request.password()));
  }

  @GetMapping("/me")
  @Operation(summary = "The current user")
  Me me(CurrentUser user) {
    return Me.of(user);
  }
}
