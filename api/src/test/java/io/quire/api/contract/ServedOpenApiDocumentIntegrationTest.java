package io.quire.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.contract.BreakingChanges.Change;
import io.quire.api.contract.BreakingChanges.Report;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract gates on the served OpenAPI document ({@code docs/contracts.md}).
 *
 * <p>Writes the document the application serves, in canonical form, to {@code
 * api/target/openapi/openapi.json}: the build lints that file next ({@code .mvn/OpenApiLint.java}
 * with Redocly CLI), and it is the copy to commit. Then compares it with the committed {@code
 * docs/openapi.json}, the baseline: anything the baseline promises clients that the served document
 * no longer does fails this test. Additions pass; they are written to {@code
 * api/target/openapi/changes.txt}, which the lint step prints as a reminder to commit the copy.
 */
@IntegrationTest
class ServedOpenApiDocumentIntegrationTest {

  /** The repository's root ({@code maven.multiModuleProjectDirectory}, set by the api pom). */
  private static final Path ROOT = Path.of(System.getProperty("quire.root", ".."));

  private static final Path BASELINE = ROOT.resolve("docs/openapi.json");
  private static final Path SERVED = Path.of("target/openapi/openapi.json");
  private static final Path CHANGES = Path.of("target/openapi/changes.txt");
  private static final String COPY = "cp api/target/openapi/openapi.json docs/openapi.json";

  @Autowired HttpApi api;

  @Test
  void theServedDocumentKeepsEverythingTheCommittedCopyPromises() throws IOException {
    Response schema = api.get("/api/schema/");
    assertThat(schema.status()).isEqualTo(200);
    JsonNode served = schema.json();
    OpenApiJson.write(SERVED, served);
    Files.deleteIfExists(CHANGES);
    assertThat(BASELINE)
        .as("the committed copy of the OpenAPI document; make it with %s", COPY)
        .exists();

    Report report = BreakingChanges.compare(OpenApiJson.read(BASELINE), served);
    boolean differs =
        !OpenApiJson.canonical(served).equals(Files.readString(BASELINE, StandardCharsets.UTF_8));
    if (differs && !report.isBreaking()) {
      Files.writeString(CHANGES, reminder(report), StandardCharsets.UTF_8);
    }

    assertThat(report.breaking())
        .as(
            "changes that break clients of docs/openapi.json:%n%s%nIf they are deliberate, accept"
                + " them: %s, and commit docs/openapi.json with the change (docs/contracts.md).",
            lines(report.breaking()), COPY)
        .isEmpty();
  }

  private static String reminder(Report report) {
    String what =
        report.additions().isEmpty()
            ? "changes details that are not compared (descriptions, formats, examples)."
            : "adds, and breaks nothing:\n" + lines(report.additions());
    return "The served OpenAPI document differs from docs/openapi.json: it "
        + what
        + "\nCommit the copy with the change: "
        + COPY
        + ", then commit docs/openapi.json.\n";
  }

  private static String lines(List<Change> changes) {
    return changes.stream().map(change -> "  " + change).collect(Collectors.joining("\n"));
  }
}
