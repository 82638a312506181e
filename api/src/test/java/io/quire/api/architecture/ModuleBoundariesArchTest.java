package io.quire.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module graph, enforced on the classes: shared-kernel <- command-side, query-side <- api. The
 * Maven modules already forbid most wrong edges; these rules also hold inside one classpath.
 */
@AnalyzeClasses(packages = "io.quire", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesArchTest {

  @ArchTest
  static final ArchRule theQuerySideNeverUsesTheCommandSide =
      noClasses()
          .that()
          .resideInAPackage("io.quire.query..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.quire.command..");

  @ArchTest
  static final ArchRule theCommandSideNeverUsesTheQuerySide =
      noClasses()
          .that()
          .resideInAPackage("io.quire.command..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.quire.query..");

  @ArchTest
  static final ArchRule theKernelDependsOnNoOtherModule =
      noClasses()
          .that()
          .resideInAPackage("io.quire.kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.quire.command..", "io.quire.query..", "io.quire.api..");

  @ArchTest
  static final ArchRule theKernelHasNoJpaAndNoSpringWeb =
      noClasses()
          .that()
          .resideInAPackage("io.quire.kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.persistence..", "org.springframework..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule onlyTheApiKnowsHttp =
      noClasses()
          .that()
          .resideInAnyPackage("io.quire.command..", "io.quire.query..", "io.quire.kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule messagesAreRecords =
      classes()
          .that()
          .resideInAPackage("io.quire.kernel..")
          .and()
          .haveNameMatching(".*(Command|Event|Query|Id)")
          .should()
          .beRecords();

  @ArchTest
  static final ArchRule eventsCarryARevision =
      classes()
          .that()
          .resideInAPackage("io.quire.kernel..")
          .and()
          .haveSimpleNameEndingWith("Event")
          .should()
          .beAnnotatedWith(org.axonframework.serialization.Revision.class);

  @ArchTest
  static final ArchRule projectionsNameTheirProcessingGroup =
      classes()
          .that()
          .haveSimpleNameEndingWith("Projection")
          .should()
          .beAnnotatedWith(ProcessingGroup.class)
          .andShould()
          .resideInAPackage("io.quire.query..");

  /**
   * A rebuild replays the whole history through the projections (io.quire.query.rebuild): they
   * write their read model and nothing else, so a replay sends, schedules or commands nothing.
   */
  @ArchTest
  static final ArchRule projectionsHaveNoEffectOutsideTheirReadModel =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Projection")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.axonframework.commandhandling..",
              "org.axonframework.deadline..",
              "org.axonframework.eventhandling.gateway..",
              "org.axonframework.eventhandling.scheduling..",
              "org.axonframework.queryhandling.updatestore..",
              "org.springframework.scheduling..",
              "org.springframework.context.event..",
              "org.springframework.web.client..",
              "org.springframework.mail..",
              "java.net.http..",
              "java.util.concurrent..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.axonframework.eventhandling.EventBus")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.axonframework.queryhandling.QueryUpdateEmitter")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.springframework.context.ApplicationEventPublisher");

  @ArchTest
  static final ArchRule controllersStayThin =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.persistence..",
              "org.springframework.data..",
              "org.springframework.jdbc.core..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule domainCodeReadsTimeFromTheInjectedClock =
      noClasses()
          .that()
          .resideInAnyPackage("io.quire..")
          .should()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(java.lang.System.class, "currentTimeMillis")
          .orShould()
          .callMethod(java.time.LocalDateTime.class, "now");
}
