package io.quire.api.accounts;

import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.web.PathIds;
import io.quire.command.accounts.AccountService;
import io.quire.kernel.accounts.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Erasing a person's personal data (crypto-shredding, docs/architecture.md), for staff. */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Accounts")
class PersonalDataController {

  private final AccountService accounts;

  PersonalDataController(AccountService accounts) {
    this.accounts = accounts;
  }

  @DeleteMapping("/{id}/personal-data")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Erase a user's personal data (staff)",
      description =
          "Destroys the user's personal-data key and records the erasure as the event"
              + " `user.personal_data_erased` (who asked, when; nothing personal). From then on"
              + " everything the user wrote (their username, task titles and descriptions,"
              + " article titles and bodies, comments) reads `\"[erased]\"` everywhere: history,"
              + " `?as_of=`, the audit log, the event stream and every read model, also after a"
              + " rebuild; the seals still verify. The account can no longer sign in and its"
              + " tokens stop working. Erasing again changes nothing; it cannot be undone.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.NOT_FOUND})
  void erase(CurrentUser user, @PathVariable String id) {
    user.requireStaff();
    if (!accounts.erasePersonalData(new UserId(PathIds.uuid(id)), user.id())) {
      throw new ApiException(ErrorCode.NOT_FOUND, "There is no user with this id.");
    }
  }
}
