package io.quire.command.privacy;

/** Personal data was to be written for a person whose personal data has been erased. */
public final class ErasedSubjectException extends RuntimeException {

  public ErasedSubjectException(String subject) {
    super("the personal data of " + subject + " has been erased: nothing new is kept for them");
  }
}
