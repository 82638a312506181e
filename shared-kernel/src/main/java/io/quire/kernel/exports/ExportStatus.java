package io.quire.kernel.exports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where an export is: {@code pending -> running -> done | failed}. */
public enum ExportStatus {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("running")
  RUNNING,
  @JsonProperty("done")
  DONE,
  @JsonProperty("failed")
  FAILED;

  /** The wire name: {@code pending}, {@code running}, {@code done} or {@code failed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status a wire name names. */
  public static ExportStatus ofWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
