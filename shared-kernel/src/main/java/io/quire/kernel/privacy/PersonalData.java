package io.quire.kernel.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component of an event that is personal data: stored sealed with the key of the person
 * {@link #subject} names (another component of the same record, holding a user id), and read as
 * {@code "[erased]"} once that person's key is destroyed (docs/architecture.md, <i>Personal data in
 * events</i>).
 */
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalData {

  /**
   * How a sealed value begins: {@code pd1:<person's id>:<seal>}. The one statement of the format
   * for every reader that must recognise one (the cipher, the migration that seals old events, the
   * search for a person's traces).
   */
  String SEALED = "pd1:";

  /** What personal data reads as once its person's key is destroyed. */
  String ERASED = "[erased]";

  /** The name of the record component that holds the id of the person whose data this is. */
  String subject();
}
