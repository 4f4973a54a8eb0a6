package org.tkdworkbench.data.noisy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.SpeechCommandsIndexer;
import org.tkdworkbench.data.Split;

/** Where each source clip goes in a noisy dataset, decided before any audio is touched. */
final class OutputIds {
  private OutputIds() {}

  /**
   * One output clip: its source clip, the id it gets in the output (or why it cannot be written),
   * and the key its random stream is drawn from ({@link ClipRandom}).
   */
  record Planned(Clip clip, String outputId, String problem, String randomKey) {
    Planned(Clip clip, String outputId, String problem) {
      this(clip, outputId, problem, clip.id());
    }
  }

  /**
   * {@link #plan(List)}, then {@code copies − 1} more outputs for each training clip that can be
   * written: copy {@code k} (2..copies) is named like the first with {@code -copyK} before {@code
   * .wav} and draws its randomness from {@code <clip id>#copyK}, so copy 1 is the very clip a
   * one-copy build writes. A copy whose name another output already holds is refused, not renamed.
   */
  static List<Planned> plan(List<Clip> clips, int copies) {
    List<Planned> first = plan(clips);
    if (copies <= 1) {
      return first;
    }
    Set<String> taken = new HashSet<>();
    for (Planned p : first) {
      if (p.outputId() != null) {
        taken.add(p.outputId().toLowerCase(Locale.ROOT));
      }
    }
    List<Planned> out = new ArrayList<>(first);
    for (Planned p : first) {
      if (p.outputId() == null || p.clip().split() != Split.TRAIN) {
        continue;
      }
      String stem = p.outputId().substring(0, p.outputId().length() - ".wav".length());
      for (int k = 2; k <= copies; k++) {
        String id = stem + "-copy" + k + ".wav";
        String key = p.clip().id() + "#copy" + k;
        if (!taken.add(id.toLowerCase(Locale.ROOT))) {
          out.add(new Planned(p.clip(), null, "copy " + k + ": another clip is already written as " + id, key));
        } else {
          out.add(new Planned(p.clip(), id, null, key));
        }
      }
    }
    return out;
  }

  /**
   * Output ids, decided up front in clip-id order (so collisions resolve the same way on any thread
   * count), always with a {@code .wav} extension. A folder shared by every clip id at the top
   * ({@code audio/} of ESC-50, {@code clips/} of a manifest) is dropped first. Then the id is kept
   * as it is when it starts with the label folder (Speech Commands, folder-per-class); otherwise
   * the whole remaining path goes under the label, without its label folder if it has one: {@code
   * train/yes/0.wav} becomes {@code yes/train/0.wav}, a manifest's {@code clips/spk1/0.wav} {@code
   * yes/spk1/0.wav}. Keeping the path (not just the file name) keeps split folders and speaker
   * folders apart, so {@code train/yes/0.wav} and {@code test/yes/0.wav} do not collide.
   */
  static List<Planned> plan(List<Clip> clips) {
    List<Clip> sorted = new ArrayList<>(clips);
    sorted.sort(Comparator.comparing(Clip::id));
    String common = commonTopFolder(sorted);
    Set<String> taken = new HashSet<>();
    List<Planned> out = new ArrayList<>();
    for (Clip c : sorted) {
      String label = c.labels().get(0);
      if (c.labels().size() != 1) {
        out.add(
            new Planned(c, null, "has " + c.labels().size() + " labels; a keyword clip needs one"));
        continue;
      }
      String labelProblem = segmentProblem(label);
      if (labelProblem != null) {
        out.add(
            new Planned(c, null, "label '" + label + "' cannot be a folder name: " + labelProblem));
        continue;
      }
      String base =
          underLabel(common == null ? c.id() : c.id().substring(common.length() + 1), label);
      String id = withWavExtension(base);
      String problem = null;
      for (String seg : id.split("/", -1)) {
        String p = segmentProblem(seg);
        if (p != null) {
          problem = "'" + seg + "' " + p;
          break;
        }
      }
      if (problem != null) {
        out.add(
            new Planned(
                c, null, "its id cannot be a path inside the output (" + id + "): " + problem));
      } else if (!taken.add(id.toLowerCase(Locale.ROOT))) {
        // Lower-cased: on case-insensitive file systems two such names would overwrite each other.
        out.add(new Planned(c, null, "another clip is already written as " + id));
      } else {
        out.add(new Planned(c, id, null));
      }
    }
    return out;
  }

  /** The first folder of every id when they all share one, else null. */
  private static String commonTopFolder(List<Clip> clips) {
    String common = null;
    for (Clip c : clips) {
      int slash = c.id().indexOf('/');
      if (slash <= 0) {
        return null;
      }
      String top = c.id().substring(0, slash);
      if (common == null) {
        common = top;
      } else if (!common.equals(top)) {
        return null;
      }
    }
    return common;
  }

  /**
   * {@code rel} when it starts with {@code label/}, else {@code label/} + rel without its label
   * folder.
   */
  private static String underLabel(String rel, String label) {
    if (rel.startsWith(label + "/")) {
      return rel;
    }
    List<String> parts = new ArrayList<>(List.of(rel.split("/", -1)));
    int folder = parts.subList(0, parts.size() - 1).indexOf(label);
    if (folder >= 0) {
      parts.remove(folder);
    }
    return label + "/" + String.join("/", parts);
  }

  /**
   * Why {@code s} cannot be a file or folder name in the output, or null when it can. Whitelisted,
   * so a name is valid on every system the dataset may be copied to: letters (any script, with
   * their combining marks), digits, {@code - _ . +} and space; not starting with {@code .} (hidden:
   * a reader skips it), not ending in {@code .} or space (Windows drops those, so two names would
   * meet), and not {@code _background_noise_} (read back as noise, not a class). Characters such as
   * {@code : * ? " < > |} would fail or change meaning on Windows.
   */
  static String segmentProblem(String s) {
    if (s.isEmpty()) {
      return "is empty";
    }
    if (s.startsWith(".")) {
      return "starts with '.' (a hidden name, skipped when the dataset is read)";
    }
    if (s.endsWith(" ") || s.endsWith(".")) {
      return "ends with a space or '.' (dropped by Windows)";
    }
    if (s.equals(SpeechCommandsIndexer.NOISE_FOLDER)) {
      return "is the noise folder's name (read back as noise, not a class)";
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int type = Character.getType(cp);
      boolean ok =
          Character.isLetterOrDigit(cp)
              || type == Character.NON_SPACING_MARK
              || type == Character.COMBINING_SPACING_MARK
              || cp == '-'
              || cp == '_'
              || cp == '.'
              || cp == '+'
              || cp == ' ';
      if (!ok) {
        return String.format(
            Locale.ROOT,
            "holds '%s' (U+%04X); names may hold letters, digits, '-', '_', '.', '+' and spaces",
            new String(Character.toChars(cp)),
            cp);
      }
      i += Character.charCount(cp);
    }
    return null;
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
