// OpenApiLint: the OpenAPI lint gate (docs/contracts.md).
//
// What it is: a JDK-only Java 17 program, run in single-source-file mode by the api module's
// exec-maven-plugin execution "openapi-lint", right after the test run report. It lints the
// document the application serves, as ServedOpenApiDocumentIntegrationTest wrote it
// (api/target/openapi/openapi.json), with Redocly CLI's recommended rules as redocly.yaml sets them:
//   npx --yes @redocly/cli@<version> lint --config redocly.yaml api/target/openapi/openapi.json
// and fails the build when the linter reports an error. Before that it prints the reminder that
// test left in changes.txt when the served document adds to docs/openapi.json.
//
// When the document was not written by this build: a build that skipped tests, or ran a -Dtest
// selection without that test, skips the lint and says so; any other build fails, since the test
// that writes the document did not run.
//
// How it is used:
//   java .mvn/OpenApiLint.java --document=<file> --config=<redocly.yaml> --redocly=<version>
//       --build-started=<yyMMddHHmmss, UTC> [--tests=<-Dtest value>] [--skip=<skipTests>,<maven.test.skip>]
//
// Exit status: the linter's (0 clean or warnings only, 1 errors), 1 when the document is missing
// from a build that ran all tests, 2 on bad arguments.

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class OpenApiLint {

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        System.err.println("OpenApiLint: bad argument " + arg);
        System.exit(2);
      }
      options.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    Path document = Path.of(required(options, "document"));
    Path config = Path.of(required(options, "config"));
    String version = required(options, "redocly");

    if (List.of(options.getOrDefault("skip", "").split(",")).contains("true")) {
      System.out.println("OpenAPI lint: skipped with the tests.");
      return;
    }
    if (!writtenByThisBuild(document, options.get("build-started"))) {
      String tests = options.get("tests");
      if (given(tests)) {
        System.out.println(
            "OpenAPI lint: skipped, -Dtest=" + tests + " did not write " + document + ".");
        return;
      }
      System.err.println(
          "OpenAPI lint: "
              + document
              + " was not written by this build: ServedOpenApiDocumentIntegrationTest writes it"
              + " (docs/contracts.md).");
      System.exit(1);
    }

    Path changes = document.resolveSibling("changes.txt");
    if (Files.exists(changes)) {
      for (String line : Files.readAllLines(changes, StandardCharsets.UTF_8)) {
        System.out.println("[WARNING] " + line);
      }
    }

    List<String> command =
        List.of(
            "npx",
            "--yes",
            "@redocly/cli@" + version,
            "lint",
            "--config=" + config,
            document.toString());
    System.out.println("OpenAPI lint: " + String.join(" ", command));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("REDOCLY_TELEMETRY", "off");
    environment.put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    environment.put("NO_UPDATE_NOTIFIER", "1");
    environment.put("npm_config_update_notifier", "false");
    environment.put("npm_config_fund", "false");
    environment.put("npm_config_audit", "false");
    Process linter;
    try {
      linter = builder.start();
    } catch (IOException e) {
      System.err.println(
          "OpenAPI lint: cannot run npx (" + e.getMessage() + "); it needs Node.js 20.19 or"
              + " later with npm, which .ci/run installs.");
      System.exit(1);
      return;
    }
    String output = read(linter.getInputStream());
    int status = linter.waitFor();
    print(output);
    if (status != 0) {
      System.err.println(
          "OpenAPI lint failed: fix the document at its source (OpenApiConfiguration, the"
              + " controllers' and DTOs' annotations), see docs/contracts.md.");
    }
    System.exit(status);
  }

  /** Whether the file was written after this build started (timestamps are whole seconds). */
  private static boolean writtenByThisBuild(Path document, String buildStarted)
      throws IOException {
    if (!Files.exists(document)) {
      return false;
    }
    if (!given(buildStarted)) {
      return true;
    }
    Instant started =
        LocalDateTime.parse(buildStarted, DateTimeFormatter.ofPattern("yyMMddHHmmss"))
            .toInstant(ZoneOffset.UTC);
    return !Files.getLastModifiedTime(document).toInstant().isBefore(started);
  }

  /** The linter's output without its boxed notices (Node.js support, updates). */
  private static void print(String output) {
    boolean inBox = false;
    for (String line : output.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("╔")) {
        inBox = true;
      }
      if (!inBox) {
        System.out.println(line);
      }
      if (trimmed.startsWith("╚")) {
        inBox = false;
      }
    }
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A Maven property that is set (an unset one arrives as its own ${...} expression). */
  private static boolean given(String value) {
    return value != null && !value.isBlank() && !value.startsWith("${");
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (!given(value)) {
      System.err.println("OpenApiLint: --" + name + " is required");
      System.exit(2);
    }
    return value;
  }
}
