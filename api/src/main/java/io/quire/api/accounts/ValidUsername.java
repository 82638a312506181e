package io.quire.api.accounts;

import io.quire.command.accounts.UsernamePolicy;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A username that {@link UsernamePolicy} accepts; absent values are left to other rules. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidUsername.Validator.class)
public @interface ValidUsername {

  String message() default
      "Enter a valid username: 3 to 150 letters, digits and the characters . - _ only.";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Delegates to the policy. */
  class Validator implements ConstraintValidator<ValidUsername, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isEmpty() || UsernamePolicy.isValid(value);
    }
  }
}
