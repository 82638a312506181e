package io.quire.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junitsupport.JUnitProviderTestSupport;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolderLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Guards the one list of interactions not provided yet (the {@code @PactFilter} on {@link
 * QuireWebContractTest}): the list and the interactions the provider verifies partition the
 * consumers' pact files.
 *
 * <p>Plain unit tests: they read the annotations and the pact files and start no application.
 */
class NotProvidedYetListTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Class<?> CONTRACT = QuireWebContractTest.class;

  private static String provider() {
    return CONTRACT.getAnnotation(Provider.class).value();
  }

  private static List<String> notProvidedList() {
    PactFilter filter = CONTRACT.getAnnotation(PactFilter.class);
    assertThat(filter).as("@PactFilter on %s", CONTRACT.getSimpleName()).isNotNull();
    assertThat(filter.filter()).isEqualTo(NotProvidedYet.class);
    return List.of(filter.value());
  }

  /** Every interaction description in the pact files for our provider, read as plain JSON. */
  private static List<String> descriptionsInThePactFiles() throws IOException, URISyntaxException {
    String folder = QuirePactLoader.FOLDER;
    URL url = NotProvidedYetListTest.class.getClassLoader().getResource(folder);
    assertThat(url).as("pact folder %s on the test classpath", folder).isNotNull();
    List<String> descriptions = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode pact = JSON.readTree(file.toFile());
        if (!provider().equals(pact.path("provider").path("name").asText())) {
          continue;
        }
        List<String> inThisFile = new ArrayList<>();
        pact.path("interactions").forEach(i -> inThisFile.add(i.path("description").asText()));
        assertThat(inThisFile)
            .as("descriptions in %s (the list excludes by description)", file.getFileName())
            .doesNotHaveDuplicates();
        descriptions.addAll(inThisFile);
      }
    }
    assertThat(descriptions).as("interactions for provider %s", provider()).isNotEmpty();
    return descriptions;
  }

  /** The interactions pact-jvm will run: its own loader and its own @PactFilter handling. */
  private static List<Interaction> interactionsTheProviderVerifies() {
    // Without a broker, QuirePactLoader reads this folder (PactSettingsTest).
    assertThat(CONTRACT.getAnnotation(PactSource.class).value()).isEqualTo(QuirePactLoader.class);
    PactFolderLoader loader = new PactFolderLoader(QuirePactLoader.FOLDER);
    List<Pact> filtered =
        JUnitProviderTestSupport.INSTANCE.filterPactsByAnnotations(
            loader.load(provider()), CONTRACT);
    return filtered.stream().flatMap(pact -> pact.getInteractions().stream()).toList();
  }

  @Test
  void everyEntryNamesAnInteractionInThePactFilesOnce() throws Exception {
    List<String> list = notProvidedList();
    assertThat(list).as("the not-provided list").doesNotHaveDuplicates();
    assertThat(descriptionsInThePactFiles())
        .as("stale or misspelt entries in the not-provided list")
        .containsAll(list);
  }

  @Test
  void theListAndTheVerifiedInteractionsPartitionThePactFiles() throws Exception {
    Set<String> inFiles = new TreeSet<>(descriptionsInThePactFiles());
    Set<String> excluded = new TreeSet<>(notProvidedList());
    Set<String> verified = new TreeSet<>();
    interactionsTheProviderVerifies().forEach(i -> verified.add(i.getDescription()));

    Set<String> expected = new TreeSet<>(inFiles);
    expected.removeAll(excluded);
    assertThat(verified)
        .as("interactions verified = interactions in the pact files minus the list")
        .isEqualTo(expected);
    assertThat(verified)
        .as("verified and not provided overlap")
        // noneMatch: doesNotContainAnyElementsOf refuses the empty list this may be.
        .noneMatch(excluded::contains);
  }

  @Test
  void everyVerifiedInteractionHasItsStateMethods() {
    Map<String, Method> handlers = stateMethods();
    for (Interaction interaction : interactionsTheProviderVerifies()) {
      for (ProviderState state : interaction.getProviderStates()) {
        assertThat(handlers)
            .as(
                "a @State(\"%s\") method for \"%s\" (or put it in the not-provided list)",
                state.getName(), interaction.getDescription())
            .containsKey(state.getName());
      }
    }
  }

  @Test
  void stateMethodsReturnTheirValues() {
    stateMethods()
        .forEach(
            (state, method) ->
                assertThat(method.getReturnType())
                    .as(
                        "@State(\"%s\") %s must return Map<String, Object>, or pact-jvm ignores"
                            + " its values",
                        state, method.getName())
                    .isEqualTo(Map.class));
  }

  private static Map<String, Method> stateMethods() {
    Map<String, Method> handlers = new LinkedHashMap<>();
    for (Method method :
        AnnotationSupport.findAnnotatedMethods(
            CONTRACT, State.class, HierarchyTraversalMode.TOP_DOWN)) {
      for (String state : method.getAnnotation(State.class).value()) {
        assertThat(handlers.put(state, method)).as("two @State methods for \"%s\"", state).isNull();
      }
    }
    return handlers;
  }

  @Test
  void theListIsTheOnlyExclusion() {
    // pact-jvm's own filter properties would hide interactions from the list and from this guard.
    for (String property :
        List.of("pact.filter.description", "pact.filter.providerState", "pact.filter.consumers")) {
      assertThat(System.getProperty(property)).as(property).isNull();
    }
  }

  @Test
  void theBuildNeitherPublishesNorTracksByDefault() {
    // Set by the build (parent and module poms): no verification results to a broker, no
    // pact-jvm usage tracking. Only PactSettings publishes, from a broker and in CI.
    assertThat(System.getProperty("pact.verifier.publishResults")).isEqualTo("false");
    assertThat(System.getProperty("pact_do_not_track")).isEqualTo("true");
    assertThat(System.getenv("pact_do_not_track")).isEqualTo("true");
  }
}
