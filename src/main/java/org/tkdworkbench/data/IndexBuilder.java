package org.tkdworkbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects what a layout reader accepts and refuses, catches duplicates (the same clip id twice, or
 * two names for one real file) and builds the sorted {@link DatasetIndex}.
 */
final class IndexBuilder {
  private final Path root;
  private final Layout layout;
  private final LayoutOptions options;
  private final Map<String, Clip> clips = new HashMap<>();
  private final Map<String, String> firstSeenAt = new HashMap<>();
  private final Map<Path, String> idByRealPath = new HashMap<>();
  private final List<Refusal> refused = new ArrayList<>();
  private final java.util.Set<String> refusedPaths = new java.util.HashSet<>();
  private final List<Path> noise = new ArrayList<>();
  private final TreeSet<String> labels = new TreeSet<>();
  private boolean multiLabel;
  final Problems problems;

  IndexBuilder(Path root, Layout layout, LayoutOptions options, Problems problems) {
    this.root = root;
    this.layout = layout;
    this.options = options;
    this.problems = problems;
  }

  /**
   * Accepts {@code clip} unless its id (or, when {@code real} is given, its real file) was accepted
   * before; then it is refused as a duplicate naming both places.
   *
   * @param where where it was found, e.g. "line 7 of manifest.csv"
   * @return true when accepted
   */
  boolean add(Clip clip, Path real, String where) {
    String first = firstSeenAt.get(clip.id());
    if (first != null) {
      refuse(
          clip.id(), Refusal.Reason.DUPLICATE, "listed again at " + where + "; first at " + first);
      return false;
    }
    if (real != null) {
      String sameFile = idByRealPath.putIfAbsent(real, clip.id());
      if (sameFile != null) {
        refuse(
            clip.id(),
            Refusal.Reason.DUPLICATE,
            "the same file as " + sameFile + " (" + where + ")");
        return false;
      }
    }
    firstSeenAt.put(clip.id(), where);
    clips.put(clip.id(), clip);
    labels.addAll(clip.labels());
    multiLabel |= clip.labels().size() > 1;
    return true;
  }

  boolean contains(String id) {
    return clips.containsKey(id);
  }

  /** True when {@code path} was refused already (so a later mention need not refuse it again). */
  boolean isRefused(String path) {
    return refusedPaths.contains(path);
  }

  void refuse(Refusal r) {
    refused.add(r);
    refusedPaths.add(r.path());
  }

  void refuse(String path, Refusal.Reason reason, String detail) {
    refuse(new Refusal(path, reason, detail));
  }

  void refuseAll(Collection<Refusal> rs) {
    rs.forEach(this::refuse);
  }

  void noise(Collection<Path> files) {
    noise.addAll(files);
  }

  /** Adds vocabulary entries that may have no clips (FSD50K's vocabulary.csv). */
  void vocabulary(Collection<String> names) {
    labels.addAll(names);
  }

  /** Marks the dataset multi-label even if every accepted clip happens to have one label. */
  void multiLabel(boolean b) {
    multiLabel |= b;
  }

  int size() {
    return clips.size();
  }

  DatasetIndex build() {
    // Kept apart (a label is a name), but almost always one class spelt two ways.
    java.util.Map<String, List<String>> folded = new java.util.TreeMap<>();
    for (String label : labels) {
      folded.computeIfAbsent(label.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(label);
    }
    folded.values().stream().filter(v -> v.size() > 1)
        .forEach(v -> problems.note("labels that differ only by case are kept as separate classes: " + String.join(" / ", v)));
    if (clips.isEmpty()) {
      problems.note("no clips: nothing in " + root + " was read as a clip of the " + layout.cliName() + " layout"
          + (refused.isEmpty() ? "" : " (" + refused.size() + " files refused, listed)"));
    }
    List<Clip> sorted = new ArrayList<>(clips.values());
    sorted.sort(Comparator.comparing(Clip::id));
    List<Refusal> r = new ArrayList<>(refused);
    r.sort(REFUSAL_ORDER);
    List<Path> n = new ArrayList<>(noise);
    n.sort(null);
    return new DatasetIndex(
        root, layout, options, sorted, n, List.copyOf(labels), multiLabel, r, problems.sentences());
  }

  /** Refusals sorted by path, then reason, then detail: the order reports print. */
  static final Comparator<Refusal> REFUSAL_ORDER =
      Comparator.comparing(Refusal::path)
          .thenComparing(Refusal::reason)
          .thenComparing(r -> r.detail() == null ? "" : r.detail());
}
