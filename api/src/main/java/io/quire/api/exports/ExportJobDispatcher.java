package io.quire.api.exports;

import io.quire.api.transactions.AfterCommit;
import io.quire.kernel.exports.ExportRequestedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Hands each requested export to {@link ExportJobs} once the request's transaction has committed
 * ({@link AfterCommit}): a subscribing processor, so it sees the event in that transaction; a
 * request that rolls back dispatches nothing, and a job never looks for rows that are not committed
 * yet.
 */
@Component
@ProcessingGroup(ExportJobDispatcher.PROCESSING_GROUP)
class ExportJobDispatcher {

  static final String PROCESSING_GROUP = "export-jobs";

  private final ExportJobs jobs;

  ExportJobDispatcher(ExportJobs jobs) {
    this.jobs = jobs;
  }

  @EventHandler
  void on(ExportRequestedEvent event) {
    AfterCommit.run(() -> jobs.dispatch(event.exportId()));
  }
}
