package io.quire.command.orgs;

/** Creating an org under a slug another org already holds (or is claiming at the same moment). */
public class SlugTakenException extends RuntimeException {
  public SlugTakenException(String slug) {
    super("An org with that slug already exists: " + slug);
  }
}
