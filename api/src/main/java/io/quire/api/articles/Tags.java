package io.quire.api.articles;

import io.quire.api.errors.ApiException;
import io.quire.command.articles.TagNormalisation;
import java.util.List;

/** Tags in requests, normalised by the command side's {@link TagNormalisation}. */
final class Tags {

  private Tags() {}

  /** An article's tags, normalised; a 400 on {@code tags} when they are refused. */
  static List<String> normalised(List<String> given) {
    TagNormalisation.Result result = TagNormalisation.normalise(given);
    if (!result.isAccepted()) {
      throw ApiException.invalid("tags", result.problem().orElseThrow());
    }
    return result.tags();
  }

  /** A {@code ?tag=} filter as the tag it names; a 400 on {@code tag} if it names none. */
  static String filter(String given) {
    return TagNormalisation.slugOf(given)
        .orElseThrow(() -> ApiException.invalid("tag", TagNormalisation.NO_LETTER_OR_DIGIT));
  }
}
