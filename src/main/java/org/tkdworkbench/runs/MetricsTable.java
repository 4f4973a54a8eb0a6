package org.tkdworkbench.runs;

import java.util.List;

/**
 * What a reader found in {@code metrics.csv}.
 *
 * @param columns the header's column names, in order
 * @param rows the complete rows, in file order
 * @param warnings rows that were skipped and why (line numbers named); a torn last line is not a
 *     warning, it is what a killed writer leaves
 * @param tornLastLine whether the file ended in a partial row (no newline) that was ignored
 */
public record MetricsTable(
    List<String> columns, List<MetricRow> rows, List<String> warnings, boolean tornLastLine) {
  public MetricsTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /** The last {@code n} rows (all when fewer). */
  public List<MetricRow> last(int n) {
    return rows.subList(Math.max(0, rows.size() - n), rows.size());
  }
}
