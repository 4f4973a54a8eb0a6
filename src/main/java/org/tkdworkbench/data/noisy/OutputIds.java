package org.tkdworkbench.data.noisy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tkdworkbench.data.Clip;

/** Where each source clip goes in a noisy dataset, decided before any audio is touched. */
final class OutputIds {
  private OutputIds() {}

  /** One source clip and the id it gets in the output, or why it cannot be written. */
  record Planned(Clip clip, String outputId, String problem) {}

  /**
   * Output ids, decided up front in clip-id order (so collisions resolve the same way on any thread
   * count): the source id with a {@code .wav} extension when it already starts with the label
   * folder (Speech Commands), else {@code <label>/<file name>.wav}.
   */
  static List<Planned> plan(List<Clip> clips) {
    List<Clip> sorted = new ArrayList<>(clips);
    sorted.sort(Comparator.comparing(Clip::id));
    Set<String> taken = new HashSet<>();
    List<Planned> out = new ArrayList<>();
    for (Clip c : sorted) {
      String label = c.labels().get(0);
      if (c.labels().size() != 1) {
        out.add(
            new Planned(c, null, "has " + c.labels().size() + " labels; a keyword clip needs one"));
        continue;
      }
      if (!isSafeSegment(label)) {
        out.add(new Planned(c, null, "label '" + label + "' cannot be a folder name"));
        continue;
      }
      String base = c.id().startsWith(label + "/") ? c.id() : label + "/" + c.fileName();
      String id = withWavExtension(base);
      boolean safe = true;
      for (String seg : id.split("/", -1)) {
        safe &= isSafeSegment(seg);
      }
      if (!safe) {
        out.add(new Planned(c, null, "its id cannot be a path inside the output: " + id));
      } else if (!taken.add(id.toLowerCase(Locale.ROOT))) {
        // Lower-cased: on case-insensitive file systems two such names would overwrite each other.
        out.add(new Planned(c, null, "another clip is already written as " + id));
      } else {
        out.add(new Planned(c, id, null));
      }
    }
    return out;
  }

  private static boolean isSafeSegment(String s) {
    return !s.isEmpty()
        && !s.equals(".")
        && !s.equals("..")
        && s.indexOf('/') < 0
        && s.indexOf('\\') < 0
        && s.indexOf('\0') < 0;
  }

  static String withWavExtension(String id) {
    int slash = id.lastIndexOf('/');
    int dot = id.lastIndexOf('.');
    if (dot > slash + 1) {
      if (id.substring(dot + 1).equalsIgnoreCase("wav")) {
        return id;
      }
      return id.substring(0, dot) + ".wav";
    }
    return id + ".wav";
  }
}
