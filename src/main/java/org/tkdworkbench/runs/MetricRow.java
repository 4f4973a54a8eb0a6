package org.tkdworkbench.runs;

import java.util.Map;

/**
 * One row of {@code metrics.csv} as text by column name.
 *
 * @param line the 1-based line in the file (what a user looks for in an editor)
 * @param values column name → the field's text ("" when empty)
 */
public record MetricRow(int line, Map<String, String> values) {
  public MetricRow {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  /** The field's text, "" when empty or when there is no such column. */
  public String text(String column) {
    return values.getOrDefault(column, "");
  }

  /** The field as a number: NaN when empty, {@code NaN}, not a number, or no such column. */
  public double number(String column) {
    return MetricsLog.parseNumber(text(column));
  }
}
