// TestRunReport: the Quire "test run report".
//
// What it is: a JDK-only Java 17 program, run in single-source-file mode, that reads surefire's XML
// reports (target/surefire-reports/TEST-*.xml) and prints a compact summary to stdout:
//   - the random test order seed and the command that re-runs that order,
//   - test counts and total test class time,
//   - the ten slowest test classes,
//   - for every failed or errored test: message, type, the first 40 lines of its stack trace, and
//     the captured output of its test class (the last 200 lines of the testcase's system-out /
//     system-err, or else of surefire's redirected <reports dir>/<class>-output.txt).
// Surefire runs with testFailureIgnore=true and redirectTestOutputToFile=true, so a test failure
// does not stop the build there: this report, which runs right after surefire in each module (root
// pom, exec-maven-plugin execution "test-run-report"), turns it into a build failure.
//
// How it is used:
//   java .mvn/TestRunReport.java --seed=<seed> --module=<module dir> --root=<reactor root dir>
//   java .mvn/TestRunReport.java --seed=<seed> --root=<reactor root dir> --aggregate
// --aggregate reads <root>/<each module>/target/surefire-reports instead of one module's reports
// and prints a whole-build report.
//
// Exit status: 0 when no test failed or errored (also when no tests ran), 1 when a test failed or
// errored (last line "Tests failed: see above."), or when a report file cannot be read (a test JVM
// that crashed mid-run leaves one truncated), 2 on bad arguments.

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

public class TestRunReport {

    static final String PROJECT = "Quire";
    static final int SLOWEST = 10;
    static final int STACK_LINES = 40;
    static final int OUTPUT_LINES = 200;
    /** Longer output lines are cut, so that a giant single-line log cannot flood the report. */
    static final int MAX_LINE_BYTES = 8 * 1024;

    static final PrintStream out = new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);

    enum Outcome { PASSED, FAILED, ERROR, SKIPPED }

    /** A {@code <failure>} or {@code <error>} element. */
    record Problem(String kind, String type, String message, String stackTrace) {}

    /** One {@code <testcase>}; systemOut/systemErr are null when the testcase has none. */
    record TestCase(String className, String name, Outcome outcome, boolean flaky, int reruns,
                    List<Problem> problems, String systemOut, String systemErr) {

        String id() {
            return name.isBlank() ? className + " (class level)" : className + "#" + name;
        }
    }

    /** One {@code <testsuite>} (normally one test class) of one module. */
    record Suite(String module, Path reportsDir, Path reportFile, String name, double time,
                 List<TestCase> cases, String systemOut, String systemErr) {}

    /** The reports of one module: its suites and the report files that could not be read. */
    record ModuleRun(String name, Path reportsDir, List<Suite> suites, List<String> warnings) {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } finally {
            out.flush();
        }
        System.exit(status);
    }

    static int run(String[] args) {
        String seed = null;
        Path module = null;
        Path root = null;
        boolean aggregate = false;
        for (String arg : args) {
            if (arg.startsWith("--seed=")) {
                seed = arg.substring("--seed=".length()).trim();
            } else if (arg.startsWith("--module=")) {
                module = Path.of(arg.substring("--module=".length())).toAbsolutePath().normalize();
            } else if (arg.startsWith("--root=")) {
                root = Path.of(arg.substring("--root=".length())).toAbsolutePath().normalize();
            } else if (arg.equals("--aggregate")) {
                aggregate = true;
            } else {
                return usage("unknown argument: " + arg);
            }
        }
        if (aggregate && root == null) {
            return usage("--aggregate needs --root=<reactor root dir>");
        }
        if (!aggregate && module == null) {
            return usage("--module=<module dir> is required (or use --aggregate)");
        }

        if (!aggregate && root != null && module.toAbsolutePath().normalize().equals(root.toAbsolutePath().normalize())) {
            return 0; // the reactor's root pom has no tests of its own
        }
        List<ModuleRun> runs = new ArrayList<>();
        List<String> modulesWithoutTests = new ArrayList<>();
        String title;
        if (aggregate) {
            title = "whole build";
            for (Path dir : listDir(root, Files::isDirectory)) {
                Path reports = dir.resolve("target").resolve("surefire-reports");
                if (Files.isDirectory(reports)) {
                    runs.add(readModule(dirName(dir), reports));
                } else if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                    modulesWithoutTests.add(dirName(dir));
                }
            }
        } else {
            title = dirName(module);
            Path reports = module.resolve("target").resolve("surefire-reports");
            if (Files.isDirectory(reports)) {
                runs.add(readModule(title, reports));
            }
        }
        return report(title, seed, runs, modulesWithoutTests, aggregate);
    }

    static int usage(String problem) {
        System.err.println("TestRunReport: " + problem);
        System.err.println("usage: java TestRunReport.java --seed=<seed> --module=<module dir> --root=<reactor root dir> [--aggregate]");
        return 2;
    }

    // ---------------------------------------------------------------------------------------------
    // Reading the surefire XML reports
    // ---------------------------------------------------------------------------------------------

    static ModuleRun readModule(String module, Path reportsDir) {
        List<Suite> suites = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        DocumentBuilder builder = newDocumentBuilder();
        List<Path> files = listDir(reportsDir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith("TEST-") && n.endsWith(".xml") && Files.isRegularFile(p);
        });
        for (Path file : files) {
            try {
                builder.reset();
                Document doc = builder.parse(file.toFile());
                NodeList suiteElements = doc.getElementsByTagName("testsuite");
                for (int i = 0; i < suiteElements.getLength(); i++) {
                    suites.add(readSuite(module, reportsDir, file, (Element) suiteElements.item(i)));
                }
            } catch (Exception e) {
                warnings.add("could not read " + file + ": " + e.getMessage());
            }
        }
        return new ModuleRun(module, reportsDir, suites, warnings);
    }

    static Suite readSuite(String module, Path reportsDir, Path file, Element suite) {
        String suiteName = suite.getAttribute("name");
        if (suiteName.isBlank()) {
            suiteName = file.getFileName().toString().replaceFirst("^TEST-", "").replaceFirst("\\.xml$", "");
        }
        List<TestCase> cases = new ArrayList<>();
        double sumOfCaseTimes = 0;
        int failuresAndErrors = 0;
        for (Element tc : children(suite, "testcase")) {
            TestCase testCase = readTestCase(tc, suiteName);
            cases.add(testCase);
            double t = parseNumber(tc.getAttribute("time"));
            if (!Double.isNaN(t)) {
                sumOfCaseTimes += t;
            }
            if (testCase.outcome() == Outcome.FAILED || testCase.outcome() == Outcome.ERROR) {
                failuresAndErrors++;
            }
        }
        // Fail closed: if the suite declares failures or errors that no testcase carries (a class
        // level failure some producers report only in the attributes), report them anyway.
        int declared = parseCount(suite.getAttribute("failures")) + parseCount(suite.getAttribute("errors"));
        if (declared > failuresAndErrors) {
            int missing = declared - failuresAndErrors;
            cases.add(new TestCase(suiteName, "", Outcome.ERROR, false, 0,
                    List.of(new Problem("error", "", "the test suite reports " + missing
                            + " failure(s)/error(s) that are not attributed to any test case", "")),
                    null, null));
        }
        // The suite's time attribute; the sum of its testcase times when it has none.
        double time = parseNumber(suite.getAttribute("time"));
        if (Double.isNaN(time)) {
            time = sumOfCaseTimes;
        }
        return new Suite(module, reportsDir, file, suiteName, time, cases,
                childText(suite, "system-out"), childText(suite, "system-err"));
    }

    static TestCase readTestCase(Element tc, String suiteName) {
        String className = tc.getAttribute("classname");
        if (className.isBlank()) {
            className = suiteName;
        }
        List<Problem> problems = new ArrayList<>();
        for (Element e : children(tc, "failure")) {
            problems.add(new Problem("failure", e.getAttribute("type"), e.getAttribute("message"), e.getTextContent()));
        }
        for (Element e : children(tc, "error")) {
            problems.add(new Problem("error", e.getAttribute("type"), e.getAttribute("message"), e.getTextContent()));
        }
        Outcome outcome;
        if (!children(tc, "failure").isEmpty()) {
            outcome = Outcome.FAILED;
        } else if (!children(tc, "error").isEmpty()) {
            outcome = Outcome.ERROR;
        } else if (!children(tc, "skipped").isEmpty()) {
            outcome = Outcome.SKIPPED;
        } else {
            outcome = Outcome.PASSED;
        }
        int reruns = children(tc, "rerunFailure").size() + children(tc, "rerunError").size();
        boolean flaky = outcome == Outcome.PASSED
                && !(children(tc, "flakyFailure").isEmpty() && children(tc, "flakyError").isEmpty());
        return new TestCase(className, tc.getAttribute("name"), outcome, flaky, reruns, problems,
                childText(tc, "system-out"), childText(tc, "system-err"));
    }

    static DocumentBuilder newDocumentBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Parse errors become exceptions (reported as warnings), not "[Fatal Error]" noise on stderr.
            builder.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) {}
                @Override public void error(SAXParseException e) {}
                @Override public void fatalError(SAXParseException e) throws SAXParseException { throw e; }
            });
            return builder;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create an XML parser", e);
        }
    }

    /** The direct child elements of parent with the given tag name. */
    static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                result.add(e);
            }
        }
        return result;
    }

    /** The text of the direct child elements with that tag name, or null when there is none or it is blank. */
    static String childText(Element parent, String tag) {
        String text = children(parent, tag).stream().map(Element::getTextContent).collect(Collectors.joining("\n"));
        return text.isBlank() ? null : text;
    }

    /** Parses "1.2", "1,234.5" (English grouping, as surefire writes it) or "1,2"; NaN when absent or unparsable. */
    static double parseNumber(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        s = s.trim();
        s = s.matches("\\d{1,3}(,\\d{3})+(\\.\\d*)?") ? s.replace(",", "") : s.replace(',', '.');
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static int parseCount(String s) {
        double d = parseNumber(s);
        return Double.isNaN(d) ? 0 : (int) d;
    }

    // ---------------------------------------------------------------------------------------------
    // Printing the report
    // ---------------------------------------------------------------------------------------------

    /** Unreadable reports fail the build: a crashed test JVM must not pass for a green run. */
    static int unreadable(List<String> warnings) {
        if (warnings.isEmpty()) {
            return 0;
        }
        out.println("Test reports could not be read: see the warnings above.");
        return 1;
    }

    static int report(String title, String seed, List<ModuleRun> runs, List<String> modulesWithoutTests, boolean aggregate) {
        List<Suite> suites = runs.stream().flatMap(r -> r.suites().stream()).toList();
        List<String> warnings = runs.stream().flatMap(r -> r.warnings().stream()).toList();
        if (suites.isEmpty()) {
            out.println("---- " + PROJECT + " test run: " + title + ": no tests ran ----");
            warnings.forEach(w -> out.println("WARNING: " + w));
            return unreadable(warnings);
        }

        out.println("---- " + PROJECT + " test run: " + title + " ----");
        warnings.forEach(w -> out.println("WARNING: " + w));
        if (seed == null || seed.isEmpty()) {
            out.println("Seed unknown (no --seed given).");
        } else {
            out.println("Seed " + seed + " (random class and method order). Re-run this exact order: ./mvnw clean verify -Dtest.seed=" + seed);
        }
        out.println(countsLine("Tests", suites));
        if (aggregate) {
            for (ModuleRun run : runs) {
                out.println("  " + countsLine(run.name() + ": tests", run.suites()));
            }
            if (!modulesWithoutTests.isEmpty()) {
                out.println("  No tests ran in: " + String.join(", ", modulesWithoutTests));
            }
        }

        Map<String, Double> classTimes = classTimes(suites, aggregate);
        List<Map.Entry<String, Double>> slowest = classTimes.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SLOWEST).toList();
        out.println(classTimes.size() >= SLOWEST ? "Ten slowest test classes:" : "Slowest test classes:");
        for (Map.Entry<String, Double> e : slowest) {
            out.println(String.format(Locale.ROOT, "%8.2f s  %s", e.getValue(), e.getKey()));
        }

        List<TestCase> flaky = suites.stream().flatMap(s -> s.cases().stream()).filter(TestCase::flaky).toList();
        for (TestCase tc : flaky) {
            out.println("FLAKY " + tc.id() + " (failed, then passed on a rerun)");
        }

        List<TestCase> failed = printFailures(suites);
        if (failed.isEmpty()) {
            return unreadable(warnings);
        }
        out.println();
        out.println("Failed tests (" + failed.size() + "):");
        failed.forEach(tc -> out.println("  FAILED " + tc.id()));
        out.println("Tests failed: see above.");
        return 1;
    }

    static String countsLine(String label, List<Suite> suites) {
        long[] n = new long[Outcome.values().length];
        long flaky = 0;
        for (Suite s : suites) {
            for (TestCase tc : s.cases()) {
                n[tc.outcome().ordinal()]++;
                flaky += tc.flaky() ? 1 : 0;
            }
        }
        long total = Arrays.stream(n).sum();
        double time = suites.stream().mapToDouble(Suite::time).sum();
        int classes = classTimes(suites, true).size();
        return String.format(Locale.ROOT, "%s %d, passed %d, failed %d, errors %d, skipped %d%s  (%d class%s, %.1f s)",
                label, total, n[Outcome.PASSED.ordinal()], n[Outcome.FAILED.ordinal()], n[Outcome.ERROR.ordinal()],
                n[Outcome.SKIPPED.ordinal()], flaky > 0 ? ", flaky " + flaky : "",
                classes, classes == 1 ? "" : "es", time);
    }

    /** Time per test class (a class reported in several suites counts once, times summed); keys show the module if asked. */
    static Map<String, Double> classTimes(List<Suite> suites, boolean showModule) {
        Map<String, Double> times = new LinkedHashMap<>();
        for (Suite s : suites) {
            times.merge(showModule ? s.name() + "  (" + s.module() + ")" : s.name(), s.time(), Double::sum);
        }
        return times;
    }

    /** Prints every failed or errored test, grouped by test class; returns them in the order printed. */
    static List<TestCase> printFailures(List<Suite> suites) {
        // Group failing testcases by (module, class), remembering the suite for the output fallbacks.
        record Key(String module, String className) {}
        Map<Key, List<TestCase>> byClass = new LinkedHashMap<>();
        Map<Key, Suite> suiteOf = new LinkedHashMap<>();
        List<Suite> sorted = suites.stream()
                .sorted(Comparator.comparing(Suite::module).thenComparing(Suite::name)).toList();
        for (Suite s : sorted) {
            for (TestCase tc : s.cases()) {
                if (tc.outcome() == Outcome.FAILED || tc.outcome() == Outcome.ERROR) {
                    Key key = new Key(s.module(), tc.className());
                    byClass.computeIfAbsent(key, k -> new ArrayList<>()).add(tc);
                    suiteOf.putIfAbsent(key, s);
                }
            }
        }

        List<TestCase> printed = new ArrayList<>();
        for (Map.Entry<Key, List<TestCase>> entry : byClass.entrySet()) {
            Suite suite = suiteOf.get(entry.getKey());
            boolean needClassOutput = false;
            for (TestCase tc : entry.getValue()) {
                printFailure(tc);
                printed.add(tc);
                if (tc.systemOut() != null || tc.systemErr() != null) {
                    printText("system-out of " + tc.id() + " (in " + suite.reportFile().getFileName() + ")", tc.systemOut());
                    printText("system-err of " + tc.id() + " (in " + suite.reportFile().getFileName() + ")", tc.systemErr());
                } else {
                    needClassOutput = true;
                }
            }
            // The class's captured output is printed once, after all its failed tests.
            if (needClassOutput) {
                printClassOutput(entry.getKey().className(), suite);
            }
        }
        return printed;
    }

    static void printFailure(TestCase tc) {
        out.println();
        out.println("FAILED " + tc.id());
        for (Problem p : tc.problems()) {
            String message = p.message() == null || p.message().isBlank() ? "(no message)" : p.message().strip();
            out.println("  " + p.kind() + ": " + message.replace("\n", "\n    "));
            if (!p.type().isBlank()) {
                out.println("  type: " + p.type());
            }
            List<String> lines = p.stackTrace().strip().lines().toList();
            if (!lines.isEmpty() && !lines.get(0).isEmpty()) {
                out.println("  stack trace:");
                lines.stream().limit(STACK_LINES).forEach(l -> out.println("    " + l));
                if (lines.size() > STACK_LINES) {
                    out.println("    ... " + (lines.size() - STACK_LINES) + " more lines");
                }
            }
        }
        if (tc.reruns() > 0) {
            out.println("  (also failed " + tc.reruns() + " rerun(s))");
        }
    }

    /** The captured output of a test class: suite-level system-out/err if present, else surefire's -output.txt file. */
    static void printClassOutput(String className, Suite suite) {
        if (suite.systemOut() != null || suite.systemErr() != null) {
            printText("system-out of " + suite.name() + " (in " + suite.reportFile().getFileName() + ")", suite.systemOut());
            printText("system-err of " + suite.name() + " (in " + suite.reportFile().getFileName() + ")", suite.systemErr());
            return;
        }
        List<Path> candidates = Stream.of(className, suite.name()).distinct()
                .map(n -> suite.reportsDir().resolve(n + "-output.txt")).toList();
        for (Path file : candidates) {
            if (Files.isRegularFile(file)) {
                printFileTail(file);
                return;
            }
        }
        out.println("  (no captured output: " + candidates.get(0) + " does not exist)");
    }

    static void printText(String what, String text) {
        if (text == null) {
            return;
        }
        List<String> lines = text.strip().lines().toList();
        int skip = Math.max(0, lines.size() - OUTPUT_LINES);
        printOutput(what, lines.subList(skip, lines.size()), lines.size());
    }

    /** Prints the last OUTPUT_LINES lines of a file, reading it as a stream so any size works. */
    static void printFileTail(Path file) {
        Deque<String> tail = new ArrayDeque<>();
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean cut = false;
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        if (line.size() < MAX_LINE_BYTES) {
                            line.write(buffer[i]);
                        } else {
                            cut = true;
                        }
                        continue;
                    }
                    addLine(tail, line, cut);
                    total++;
                    cut = false;
                }
            }
            if (line.size() > 0) {
                addLine(tail, line, cut);
                total++;
            }
        } catch (IOException e) {
            out.println("  (could not read captured output " + file + ": " + e.getMessage() + ")");
            return;
        }
        printOutput("output of " + file, new ArrayList<>(tail), total);
    }

    /** Appends the bytes collected for one line (UTF-8, CR stripped) to the tail, keeping its last OUTPUT_LINES lines. */
    static void addLine(Deque<String> tail, ByteArrayOutputStream line, boolean cut) {
        String s = line.toString(StandardCharsets.UTF_8);
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        tail.addLast(cut ? s + " ...[line cut]" : s);
        if (tail.size() > OUTPUT_LINES) {
            tail.removeFirst();
        }
        line.reset();
    }

    static void printOutput(String what, List<String> lines, long total) {
        String range = lines.size() < total ? " (last " + lines.size() + " of " + total + " lines)" : "";
        out.println("  ---- " + what + range + " ----");
        lines.forEach(out::println);
        out.println("  ---- end of " + what + " ----");
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers
    // ---------------------------------------------------------------------------------------------

    static String dirName(Path dir) {
        Path name = dir.getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** The entries of dir accepted by the filter, sorted by name; empty when dir cannot be listed. */
    static List<Path> listDir(Path dir, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(filter).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
