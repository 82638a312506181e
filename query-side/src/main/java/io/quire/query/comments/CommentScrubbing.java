package io.quire.query.comments;

import io.quire.kernel.accounts.UserPersonalDataErasedEvent;
import io.quire.kernel.comments.CommentPostedEvent;
import io.quire.query.events.PersonalDataTraces;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scrubs {@code comment_view} after an erasure, in the erasure's transaction: each comment the
 * erased person wrote gets its body again from its event, where it now reads {@code "[erased]"}.
 */
@Component
@ProcessingGroup(CommentProjection.PROCESSING_GROUP)
public class CommentScrubbing {

  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalDataTraces traces;

  public CommentScrubbing(NamedParameterJdbcTemplate jdbc, PersonalDataTraces traces) {
    this.jdbc = jdbc;
    this.traces = traces;
  }

  @EventHandler
  void on(UserPersonalDataErasedEvent event) {
    traces.eventsTouchedBy(event.userId(), CommentPostedEvent.class).forEach(this::refold);
  }

  private void refold(String commentId, List<Object> events) {
    for (Object event : events) {
      if (event instanceof CommentPostedEvent posted) {
        jdbc.update(
            "UPDATE comment_view SET body = :body WHERE comment_id = :commentId",
            new MapSqlParameterSource("commentId", UUID.fromString(commentId))
                .addValue("body", posted.body()));
      }
    }
  }
}
