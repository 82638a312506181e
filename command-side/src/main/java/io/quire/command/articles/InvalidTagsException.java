package io.quire.command.articles;

/**
 * Tags that break the tag rules ({@link TagNormalisation}): a tag with no letter or digit, or too
 * many distinct tags. The message is for people; the API shows it as a validation error on {@code
 * tags} (400).
 */
public class InvalidTagsException extends IllegalArgumentException {

  public InvalidTagsException(String message) {
    super(message);
  }
}
