package io.quire.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Read-your-writes rests on every read model being written in the command's transaction. */
@IntegrationTest
class EventProcessorsIntegrationTest {

  @Autowired EventProcessingConfiguration processing;

  @Test
  void everyReadModelAndLookupIsWrittenByASubscribingProcessor() {
    assertThat(processing.eventProcessors())
        .containsKeys(
            "user-directory",
            "orgs",
            "tasks",
            "org-membership-lookup",
            "articles",
            "comments",
            "article-lookup",
            "exports",
            "export-jobs",
            "integration-lookup",
            "integrations",
            "webhook-receipts")
        .allSatisfy(
            (name, processor) ->
                assertThat(processor).as(name).isInstanceOf(SubscribingEventProcessor.class));
  }
}
