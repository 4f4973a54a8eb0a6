package org.tkdworkbench.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Csv;

/**
 * What the exported student did on every validation and test clip, written beside it in the run's
 * {@code student/} folder (so it always belongs to the best epoch): the per-clip panel of the
 * compare view reads it without an engine, also for runs trained on another machine.
 *
 * <p>Two plain CSV files, pandas-friendly:
 *
 * <ul>
 *   <li>{@code clips.csv}: {@code split,clip_id,label,predicted,correct,probability}, one row per
 *       clip; {@code label} joins several labels with {@code ;}; {@code predicted} is the
 *       top-scoring class; {@code correct} is 1 when it is (one of) the clip's label(s);
 *       {@code probability} is its softmax (single-label) or sigmoid (multi-label) score.
 *   <li>{@code attention.csv}: {@code clip_id,step,time_s,student,target}, one row per clip and
 *       student time step; {@code time_s} is the step's centre assuming the student's steps cover
 *       the clip's frames evenly; {@code student} is {@code a_S} renormalised over the clip's own
 *       steps (empty when the run has none worth showing: a probe is only trained when λ &gt; 0);
 *       {@code target} is the curve the loss pulled towards (empty when none was built).
 * </ul>
 */
public final class ClipResults {
  /** File names inside the student folder. */
  public static final String CLIPS_FILE = "clips.csv";

  public static final String ATTENTION_FILE = "attention.csv";

  private static final String CLIPS_HEADER = "split,clip_id,label,predicted,correct,probability";
  private static final String ATTENTION_HEADER = "clip_id,step,time_s,student,target";

  private ClipResults() {}

  /**
   * One clip.
   *
   * @param split {@code validation} or {@code test}
   * @param clipId the dataset's clip id
   * @param labels the clip's true labels
   * @param predicted the top-scoring class
   * @param correct whether {@code predicted} is one of {@code labels}
   * @param probability the predicted class's probability
   * @param times the centre of each student step, seconds (length T')
   * @param student {@code a_S} over the steps, or null
   * @param target the training target over the steps, or null
   */
  public record Clip(
      String split,
      String clipId,
      List<String> labels,
      String predicted,
      boolean correct,
      double probability,
      double[] times,
      double[] student,
      double[] target) {
    public Clip {
      labels = List.copyOf(labels);
      if (student != null && student.length != times.length || target != null && target.length != times.length) {
        throw new IllegalArgumentException("clip " + clipId + ": curves and times differ in length");
      }
    }
  }

  /**
   * What {@link #read} found.
   *
   * @param clips by clip id, in file order
   * @param warnings rows that were skipped and why, each naming the file and line
   */
  public record Contents(Map<String, Clip> clips, List<String> warnings) {}

  /** Writes both files into {@code folder}, each atomically. */
  public static void write(Path folder, List<Clip> clips) throws IOException {
    StringBuilder c = new StringBuilder(CLIPS_HEADER).append('\n');
    StringBuilder a = new StringBuilder(ATTENTION_HEADER).append('\n');
    for (Clip clip : clips) {
      c.append(MetricsLog.field(clip.split()))
          .append(',')
          .append(MetricsLog.field(clip.clipId()))
          .append(',')
          .append(MetricsLog.field(String.join(";", clip.labels())))
          .append(',')
          .append(MetricsLog.field(clip.predicted()))
          .append(',')
          .append(clip.correct() ? 1 : 0)
          .append(',')
          .append(number(clip.probability()))
          .append('\n');
      for (int k = 0; k < clip.times().length; k++) {
        a.append(MetricsLog.field(clip.clipId()))
            .append(',')
            .append(k)
            .append(',')
            .append(number(clip.times()[k]))
            .append(',')
            .append(clip.student() == null ? "" : number(clip.student()[k]))
            .append(',')
            .append(clip.target() == null ? "" : number(clip.target()[k]))
            .append('\n');
      }
    }
    AtomicFiles.write(folder.resolve(CLIPS_FILE), c.toString().getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(folder.resolve(ATTENTION_FILE), a.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the files from a student folder. A missing {@code clips.csv} gives no clips and one
   * warning (runs from before this file existed); a missing {@code attention.csv} gives clips
   * without curves.
   */
  public static Contents read(Path folder) throws IOException {
    List<String> warnings = new ArrayList<>();
    Map<String, Clip> clips = new LinkedHashMap<>();
    Path clipsFile = folder.resolve(CLIPS_FILE);
    if (!Files.isRegularFile(clipsFile)) {
      warnings.add(clipsFile + ": missing (the run was made before per-clip results were written)");
      return new Contents(clips, warnings);
    }
    List<Csv.Row> rows = Csv.read(clipsFile);
    int[] col = rows.isEmpty() ? null : Csv.columns(rows.get(0), "split", "clip_id", "label", "predicted", "correct", "probability");
    if (col == null || Arrays.stream(col).anyMatch(i -> i < 0)) {
      warnings.add(clipsFile + ": the header is not " + CLIPS_HEADER);
      return new Contents(clips, warnings);
    }
    Map<String, Curves> curves = readCurves(folder.resolve(ATTENTION_FILE), warnings);
    for (Csv.Row row : rows.subList(1, rows.size())) {
      String where = clipsFile + " line " + row.line() + ": ";
      if (row.error() != null) {
        warnings.add(where + row.error());
        continue;
      }
      String id = row.field(col[1]);
      if (id.isEmpty()) {
        warnings.add(where + "clip_id is empty");
        continue;
      }
      double p = MetricsLog.parseNumber(row.field(col[5]));
      String correct = row.field(col[4]).strip();
      if (!correct.equals("0") && !correct.equals("1")) {
        warnings.add(where + "correct must be 0 or 1, found '" + correct + "'");
        continue;
      }
      Curves cv = curves.getOrDefault(id, Curves.EMPTY);
      String label = row.field(col[2]);
      clips.put(
          id,
          new Clip(
              row.field(col[0]),
              id,
              label.isEmpty() ? List.of() : List.of(label.split(";", -1)),
              row.field(col[3]),
              correct.equals("1"),
              p,
              cv.times(),
              cv.student(),
              cv.target()));
    }
    return new Contents(clips, warnings);
  }

  private record Curves(double[] times, double[] student, double[] target) {
    static final Curves EMPTY = new Curves(new double[0], null, null);
  }

  private static Map<String, Curves> readCurves(Path file, List<String> warnings) throws IOException {
    Map<String, Curves> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      warnings.add(file + ": missing, so no attention curves");
      return out;
    }
    List<Csv.Row> rows = Csv.read(file);
    int[] col = rows.isEmpty() ? null : Csv.columns(rows.get(0), "clip_id", "step", "time_s", "student", "target");
    if (col == null || Arrays.stream(col).anyMatch(i -> i < 0)) {
      warnings.add(file + ": the header is not " + ATTENTION_HEADER);
      return out;
    }
    Map<String, List<double[]>> steps = new LinkedHashMap<>();
    Map<String, String> broken = new LinkedHashMap<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      String id = row.field(col[0]);
      if (broken.containsKey(id)) {
        continue;
      }
      List<double[]> list = steps.computeIfAbsent(id, k -> new ArrayList<>());
      String problem = row.error();
      if (problem == null && !row.field(col[1]).strip().equals(Integer.toString(list.size()))) {
        problem = "step " + row.field(col[1]) + " out of order (expected " + list.size() + ")";
      }
      double t = MetricsLog.parseNumber(row.field(col[2]));
      if (problem == null && !Double.isFinite(t)) {
        problem = "time_s is not a number";
      }
      if (problem != null) {
        broken.put(id, file + " line " + row.line() + ": " + problem + "; clip " + id + " has no curves");
        continue;
      }
      list.add(new double[] {t, optional(row.field(col[3])), optional(row.field(col[4]))});
    }
    warnings.addAll(broken.values());
    for (Map.Entry<String, List<double[]>> e : steps.entrySet()) {
      if (broken.containsKey(e.getKey())) {
        continue;
      }
      List<double[]> list = e.getValue();
      double[] times = new double[list.size()];
      double[] s = new double[list.size()];
      double[] g = new double[list.size()];
      boolean hasS = true;
      boolean hasT = true;
      for (int k = 0; k < list.size(); k++) {
        times[k] = list.get(k)[0];
        s[k] = list.get(k)[1];
        g[k] = list.get(k)[2];
        hasS &= !Double.isNaN(s[k]);
        hasT &= !Double.isNaN(g[k]);
      }
      out.put(e.getKey(), new Curves(times, hasS ? s : null, hasT ? g : null));
    }
    return out;
  }

  private static double optional(String s) {
    return s.isBlank() ? Double.NaN : MetricsLog.parseNumber(s);
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
  }
}
