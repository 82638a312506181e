package io.quire.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quire.api.persistence.SnapshotlessJdbcEventStorageEngine;
import io.quire.command.common.CommandRetries;
import io.quire.command.privacy.PersonalDataModule;
import io.quire.kernel.upcasting.KernelUpcasters;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Axon's serialization. Events, messages, tokens and snapshots are JSON written by an object mapper
 * of their own ({@code defaultAxonObjectMapper}, picked up by Axon's auto-configuration with {@code
 * axon.serializer.*=jackson}): camelCase field names, ISO-8601 instants, and tolerant of fields it
 * does not know, so old events keep reading after a record grows; personal data in events is sealed
 * with its person's key as it is written and opened as it is read ({@link PersonalDataModule},
 * docs/architecture.md). The HTTP API keeps Spring Boot's mapper (snake_case, strict), which stays
 * the primary one.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

  @Bean
  @Primary
  ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
    return builder.createXmlMapper(false).build();
  }

  /**
   * An event handler that fails makes the command fail. Read models are written by subscribing
   * processors in the command's own transaction, so the events and every read model roll back
   * together; Axon's default would log the error and leave the read model behind for good.
   */
  @Autowired
  void propagateEventHandlerErrors(EventProcessingConfigurer processing) {
    processing.registerDefaultListenerInvocationErrorHandler(
        configuration -> PropagatingErrorHandler.instance());
  }

  /**
   * Every processing group is subscribing unless configured otherwise, so a new projection can
   * never quietly become a lagging tracking processor and break read-your-writes.
   */
  @Autowired
  void subscribingByDefault(EventProcessingConfigurer processing) {
    processing.usingSubscribingEventProcessors();
  }

  /**
   * Commands that lost a race to append (another process appended to the same aggregate first) are
   * sent again; see {@link CommandRetries}.
   */
  @Bean
  CommandGateway commandGateway(CommandBus commandBus) {
    ScheduledExecutorService retries =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "command-retries");
              thread.setDaemon(true);
              return thread;
            });
    return CommandRetries.gateway(commandBus, retries);
  }

  @Bean
  @Qualifier("defaultAxonObjectMapper")
  ObjectMapper defaultAxonObjectMapper(PersonalDataModule personalData) {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(personalData)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /**
   * The kernel's upcasters ({@link KernelUpcasters}): an event stored at an older revision is read
   * as its current one. Axon's auto-configuration registers every {@link EventUpcaster} bean in the
   * configuration's upcaster chain ({@code Configuration.upcasterChain()}), which the event storage
   * engine below reads with (aggregates, {@code EventStore.readEvents}, tracking processors), and
   * so does Quire's own reader of stored rows ({@code StoredEventReader}).
   */
  @Bean
  EventUpcaster kernelUpcasters() {
    return KernelUpcasters.chain();
  }

  /**
   * The query bus, as Axon's auto-configuration builds it but without a transaction around each
   * query. Query handlers read with single SQL statements (plain JDBC, autocommit), so the JPA
   * transaction Axon would open and commit for every query (a connection set up for it, a commit
   * round trip, a Hibernate session) bought nothing but cost a good part of a read's CPU
   * (docs/performance.md). A handler's statements each see the committed state when they start,
   * exactly as they did in a read-committed transaction.
   */
  @Bean
  @Qualifier("localSegment")
  SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
    return SimpleQueryBus.builder()
        .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
        .transactionManager(NoTransactionManager.INSTANCE)
        .errorHandler(
            axon.getComponent(
                QueryInvocationErrorHandler.class,
                () -> LoggingQueryInvocationErrorHandler.builder().build()))
        .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
        .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
        .build();
  }

  /**
   * Axon's JDBC event storage engine on the event tables ({@link
   * SnapshotlessJdbcEventStorageEngine}), never asking for snapshots. Its connection is the one of
   * the Spring transaction a command runs in (the same connection the read models are written on),
   * so the events and every read model commit or roll back together.
   */
  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration axon,
      DataSource dataSource,
      TransactionManager transactionManager) {
    return new SnapshotlessJdbcEventStorageEngine(
        JdbcEventStorageEngine.builder()
            .snapshotSerializer(defaultSerializer)
            .upcasterChain(axon.upcasterChain())
            .persistenceExceptionResolver(persistenceExceptionResolver)
            .eventSerializer(eventSerializer)
            .snapshotFilter(axon.snapshotFilter())
            .connectionProvider(
                new UnitOfWorkAwareConnectionProviderWrapper(
                    new SpringDataSourceConnectionProvider(dataSource)))
            .transactionManager(transactionManager));
  }
}
