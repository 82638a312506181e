package io.quire.command.privacy;

import io.quire.command.integrations.SecretBox;
import io.quire.kernel.privacy.PersonalData;
import java.util.Optional;

/**
 * Seals a person's personal data with their own key ({@link PersonalDataKeys}) and opens it again.
 * A sealed value is {@code pd1:<subject>:<SecretBox seal>} (AES-256-GCM, a random nonce, the
 * subject as associated data), so it names whose key opens it and cannot be moved to another
 * person. A value without the prefix was stored before personal data was sealed and is returned as
 * it is; a value whose key was destroyed opens as {@value #ERASED}.
 */
public final class PersonalDataCipher {

  /** What personal data of an erased person reads as. */
  public static final String ERASED = PersonalData.ERASED;

  static final String PREFIX = PersonalData.SEALED;

  private final PersonalDataKeys keys;

  public PersonalDataCipher(PersonalDataKeys keys) {
    this.keys = keys;
  }

  /** {@code text}, sealed with {@code subject}'s key (null stays null). */
  public String seal(String subject, String text) {
    if (text == null) {
      return null;
    }
    if (subject.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a subject is a user id, without ':'");
    }
    return PREFIX + subject + ":" + keys.boxFor(subject).seal(text, context(subject));
  }

  /**
   * The text {@link #seal} sealed, {@value #ERASED} when its subject's key was destroyed, or the
   * value itself when it was never sealed.
   *
   * @throws IllegalArgumentException when a sealed value was altered
   */
  public String open(String value) {
    if (value == null || !value.startsWith(PREFIX)) {
      return value;
    }
    int colon = value.indexOf(':', PREFIX.length());
    if (colon < 0) {
      throw new IllegalArgumentException("Not a sealed personal value.");
    }
    String subject = value.substring(PREFIX.length(), colon);
    Optional<SecretBox> box = keys.existingBox(subject);
    if (box.isEmpty()) {
      return ERASED;
    }
    return box.get().open(value.substring(colon + 1), context(subject));
  }

  private static String context(String subject) {
    return "personal-data:" + subject;
  }
}
