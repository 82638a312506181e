package io.quire.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.perf.harness.GatlingReport.RequestStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link GatlingReport} against the statistics table of a real Gatling 3.15.1 report ({@code
 * gatling-3.15.1-index.html} next to this class): a top-level request, a group with two requests
 * (one named like the top-level one) and a request whose every response failed.
 */
class GatlingReportTest {

  private static final String SOURCE = "gatling-3.15.1-index.html";

  @Test
  void readsTheAllRequestsRow() {
    assertThat(report().all())
        .isEqualTo(new RequestStats("All Requests", 932, 699, 233, 310.67, 2, 10, 18, 30, 3));
  }

  @Test
  void keysRowsByTheirPathInTableOrderWithEntitiesDecoded() {
    assertThat(report().byName().keySet())
        .containsExactly(
            "reads & more",
            "reads & more / list <all>",
            "reads & more / livez",
            "livez",
            "missing");
  }

  @Test
  void readsTheFiguresOfEachRow() {
    GatlingReport report = report();
    assertThat(report.stats("reads & more / list <all>"))
        .isEqualTo(
            new RequestStats("reads & more / list <all>", 233, 233, 0, 77.67, 7, 14, 21, 30, 7));
    assertThat(report.stats("reads & more / livez"))
        .isEqualTo(new RequestStats("reads & more / livez", 233, 233, 0, 77.67, 1, 3, 6, 8, 1));
    assertThat(report.stats("livez"))
        .isEqualTo(new RequestStats("livez", 233, 233, 0, 77.67, 1, 5, 9, 12, 2));
    assertThat(report.stats("reads & more"))
        .isEqualTo(new RequestStats("reads & more", 233, 233, 0, 77.67, 8, 16, 23, 31, 9));
  }

  @Test
  void countsFailedRequests() {
    RequestStats missing = report().stats("missing");
    assertThat(missing.ok()).isZero();
    assertThat(missing.ko()).isEqualTo(233);
    assertThat(missing.count()).isEqualTo(233);
  }

  @Test
  void aStatisticGatlingShowsAsADashIsMinusOneOrNaN() {
    String html =
        fixture()
            .replace(
                "<td class=\"value total col-8\">1</td>", "<td class=\"value total col-8\">-</td>")
            .replace(
                "<td class=\"value total col-13\">1</td>",
                "<td class=\"value total col-13\">-</td>");
    RequestStats livez = GatlingReport.parse(html, SOURCE).stats("reads & more / livez");
    assertThat(livez.p50Millis()).isEqualTo(-1);
    assertThat(livez.meanMillis()).isNaN();
  }

  @Test
  void anUnknownNameNamesTheRows() {
    assertThatThrownBy(() -> report().stats("detail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no row \"detail\"")
        .hasMessageContaining("reads & more / list <all>");
  }

  @Test
  void failsLoudlyWithoutTheStatisticsTable() {
    String html = fixture().replace("container_statistics_head", "container_statistics_top");
    assertThatThrownBy(() -> GatlingReport.parse(html, SOURCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot read the Gatling report " + SOURCE)
        .hasMessageContaining("no statistics table")
        .hasMessageContaining("report format changed");
  }

  @Test
  void failsLoudlyOnAnEmptyPage() {
    assertThatThrownBy(() -> GatlingReport.parse("<html></html>", SOURCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no statistics table");
  }

  @Test
  void failsLoudlyWhenAColumnIsNotTheExpectedOne() {
    // gatling.conf can change the percentiles; p99 would then silently be another figure.
    String html = fixture().replace("<span>99th pct</span>", "<span>90th pct</span>");
    assertThatThrownBy(() -> GatlingReport.parse(html, SOURCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("column col-11 is headed 90th pct, expected 99th pct");
  }

  @Test
  void failsLoudlyWhenARowLacksAFigure() {
    String html = fixture().replace("<td class=\"value total col-12\">12</td>", "");
    assertThatThrownBy(() -> GatlingReport.parse(html, SOURCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("row \"livez\" has no cell col-12");
  }

  @Test
  void failsLoudlyOnAFigureThatIsNotANumber() {
    String html =
        fixture()
            .replace(
                "<td class=\"value ko col-4\">233</td>", "<td class=\"value ko col-4\">2,33</td>");
    assertThatThrownBy(() -> GatlingReport.parse(html, SOURCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("column \"KO\": not a number: 2,33");
  }

  private static GatlingReport report() {
    return GatlingReport.parse(fixture(), SOURCE);
  }

  private static String fixture() {
    try (InputStream in = GatlingReportTest.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + SOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
