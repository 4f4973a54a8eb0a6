package org.tkdworkbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several runs' {@code run.json} side by side: nested objects flattened to dotted keys
 * ({@code training.learning_rate}), one row per key in first-seen order, and whether the runs
 * differ on it (a key one run lacks differs). The compare view's config table and its
 * "differences only" toggle.
 */
public final class ConfigTable {
  private ConfigTable() {}

  /**
   * One key.
   *
   * @param key the dotted path
   * @param values per run, the value as text ({@code null} where the run has no such key)
   * @param differs whether the values are not all equal
   */
  public record Row(String key, List<String> values, boolean differs) {
    public Row {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /** The rows for {@code configs} (one per run, null for a run whose run.json was unreadable). */
  public static List<Row> of(List<? extends JsonNode> configs) {
    List<Map<String, String>> flat = new ArrayList<>();
    Map<String, Boolean> keys = new LinkedHashMap<>();
    for (JsonNode c : configs) {
      Map<String, String> m = new LinkedHashMap<>();
      if (c != null) {
        flatten("", c, m);
      }
      m.keySet().forEach(k -> keys.put(k, true));
      flat.add(m);
    }
    List<Row> rows = new ArrayList<>();
    for (String key : keys.keySet()) {
      List<String> values = new ArrayList<>();
      for (Map<String, String> m : flat) {
        values.add(m.get(key));
      }
      boolean differs = values.stream().anyMatch(v -> !Objects.equals(v, values.get(0)));
      rows.add(new Row(key, values, differs));
    }
    return rows;
  }

  /** Only the rows where the runs differ. */
  public static List<Row> differencesOnly(List<Row> rows) {
    return rows.stream().filter(Row::differs).toList();
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject() && node.size() > 0) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (!prefix.isEmpty()) {
      out.put(prefix, node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString());
    }
  }
}
