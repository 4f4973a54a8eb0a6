package org.tkdworkbench.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts non-fatal problems by kind and keeps one example of each, so that 5,000 stray files become
 * one warning sentence ("5000 files ... , e.g. x.txt") instead of 5,000 lines. The example is the
 * lexicographically smallest, not the first seen: directory listings come in file-system order, so
 * "first" would differ between machines and runs of the same dataset.
 */
final class Problems {
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final Map<String, String> examples = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  /** One more problem of {@code kind}, e.g. "broken symbolic links (skipped)". */
  void add(String kind, String example) {
    counts.merge(kind, 1, Integer::sum);
    examples.merge(kind, example, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  /** A sentence that stands alone (not counted), e.g. a hint about the chosen folder. */
  void note(String sentence) {
    notes.add(sentence);
  }

  /** Notes first, then "N kind, e.g. example" per kind, in the order they first occurred. */
  List<String> sentences() {
    List<String> out = new ArrayList<>(notes);
    counts.forEach((kind, n) -> out.add(n + " " + kind + ", e.g. " + examples.get(kind)));
    return out;
  }
}
