package io.quire.kernel.exports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The kind of file an export writes. */
public enum ExportFormat {
  @JsonProperty("csv")
  CSV,
  @JsonProperty("json")
  JSON;

  /** The wire name: {@code csv} or {@code json}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format a wire name names. */
  public static ExportFormat ofWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
