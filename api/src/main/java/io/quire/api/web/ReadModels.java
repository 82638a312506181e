package io.quire.api.web;

import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Asks the read models typed questions through Axon's query bus. Read models are written in the
 * same transaction as the events they follow, so an answer reflects every write that has answered
 * before the question was asked.
 */
@Component
public class ReadModels {

  private final QueryGateway queries;

  ReadModels(QueryGateway queries) {
    this.queries = queries;
  }

  /** The answer to a query whose handler returns an {@code Optional<R>}. */
  public <R> Optional<R> find(Object query, Class<R> type) {
    return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
  }

  /** The answer to a query whose handler returns an {@code R}. */
  public <R> R get(Object query, Class<R> type) {
    return queries.query(query, ResponseTypes.instanceOf(type)).join();
  }
}
