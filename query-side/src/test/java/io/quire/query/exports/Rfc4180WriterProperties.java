package io.quire.query.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.testsupport.Seeded;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Rfc4180Writer} against a standard CSV parser (Apache Commons CSV, RFC 4180 format). */
class Rfc4180WriterProperties {

  private static Gen<List<List<String>>> records() {
    return integers()
        .between(2, 7)
        .flatMap(
            arity -> lists().of(lists().of(ExportTexts.text()).ofSize(arity)).ofSizeBetween(0, 20));
  }

  private static String write(List<List<String>> records) throws IOException {
    StringWriter out = new StringWriter();
    Rfc4180Writer csv = new Rfc4180Writer(out);
    for (List<String> record : records) {
      csv.writeRecord(record);
    }
    csv.flush();
    return out.toString();
  }

  /** The records of a CSV text, parsed by Apache Commons CSV's RFC 4180 format. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      for (CSVRecord record : parser) {
        records.add(record.toList());
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return records;
  }

  @Test
  void anyRecordsRoundTripThroughAStandardParser() {
    Seeded.qt()
        .withExamples(500)
        .forAll(records())
        .checkAssert(records -> assertThat(parse(unchecked(records))).isEqualTo(records));
  }

  @Test
  void everyRecordEndsWithCrlfAndOnlyFieldsThatNeedItAreQuoted() {
    Seeded.qt()
        .forAll(lists().of(ExportTexts.text()).ofSizeBetween(1, 7))
        .checkAssert(
            fields -> {
              String line = unchecked(List.of(fields));
              assertThat(line).endsWith("\r\n");
              boolean anyNeedsQuotes = fields.stream().anyMatch(Rfc4180Writer::needsQuotes);
              assertThat(line.contains("\"")).isEqualTo(anyNeedsQuotes);
            });
  }

  @Test
  void quotesAreDoubledInsideQuotedFields() throws IOException {
    assertThat(write(List.of(List.of("a\"b", "c,d", "e\r\nf", "plain", ""))))
        .isEqualTo("\"a\"\"b\",\"c,d\",\"e\r\nf\",plain,\r\n");
  }

  private static String unchecked(List<List<String>> records) {
    try {
      return write(records);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
