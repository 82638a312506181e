package io.quire.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The canonical form that {@code docs/openapi.json} is kept in. */
class OpenApiJsonTest {

  @Test
  void keysAreSortedAtEveryDepthAndArraysKeepTheirOrder() {
    String canonical =
        OpenApiJson.canonical(
            OpenApiJson.parse(
                "{\"b\": {\"z\": 1, \"a\": [3, 1, {\"y\": 0, \"x\": 0}]}, \"a\": 2}"));

    assertThat(canonical)
        .isEqualTo(
            """
            {
              "a": 2,
              "b": {
                "a": [
                  3,
                  1,
                  {
                    "x": 0,
                    "y": 0
                  }
                ],
                "z": 1
              }
            }
            """);
  }

  @Test
  void theSameDocumentInAnyKeyOrderGivesTheSameText() {
    assertThat(OpenApiJson.canonical(OpenApiJson.parse("{\"x\": {\"b\": true, \"a\": null}}")))
        .isEqualTo(OpenApiJson.canonical(OpenApiJson.parse("{\"x\": {\"a\": null, \"b\": true}}")));
  }

  @Test
  void theCommittedCopyIsInCanonicalForm() throws IOException {
    Path committed = Path.of(System.getProperty("quire.root", "..")).resolve("docs/openapi.json");

    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("docs/openapi.json is written by the build, never by hand (docs/contracts.md)")
        .isEqualTo(OpenApiJson.canonical(OpenApiJson.read(committed)));
  }
}
