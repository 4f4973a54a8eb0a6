package org.tkdworkbench.distill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.workspace.Json;

/**
 * Imports a teacher's knowledge computed elsewhere (e.g. a wav2vec 2.0 or AST teacher in Python):
 * per clip id, the logits and either the attention curve or the full attention maps, plus the
 * teacher's token rate. Two forms, documented in the README ("Teacher knowledge"):
 *
 * <ul>
 *   <li><b>NPZ</b> ({@code np.savez}), read through DJL's {@code NDList}: {@code clip_ids} and
 *       {@code classes} (uint8: UTF-8 names joined by {@code \n}, because DJL cannot read NumPy
 *       string arrays), {@code logits [N, C]}, either {@code curves [N, T]} or {@code attention [N,
 *       L, H, T+1, T+1]} (c1 first), {@code token_rate_hz} (scalar), optional {@code
 *       first_token_time_s} (scalar, default half a token period) and {@code lengths [N]} (valid
 *       tokens per clip when clips differ in length);
 *   <li><b>CSV folder</b>: {@code logits.csv} ({@code clip_id,<class>,...}: the class names are the
 *       header), {@code curves.csv} ({@code clip_id,t0,t1,...}; rows may be shorter for shorter
 *       clips) and {@code meta.json} ({@code {"token_rate_hz": 50, "first_token_time_s": 0.01}}).
 * </ul>
 *
 * <p>Validation is strict and reports every problem at once ({@link KnowledgeFormatException}):
 * unknown, duplicate or missing clip ids, shapes, a class count or class names that differ from
 * the dataset's, non-finite or negative values, and curves that do not sum to 1 within {@value
 * #SUM_TOLERANCE} — such curves are refused, not renormalised, because a curve that sums to 3 or
 * 0.2 usually means the wrong axis or a missing softmax, and guessing would hide it. Curves within
 * the tolerance are renormalised exactly.
 */
public final class KnowledgeImport {
  /** How far a curve's sum may be from 1 (float32 rounding over a few thousand tokens). */
  public static final double SUM_TOLERANCE = 1e-3;

  private static final int EXAMPLES = 5;

  private KnowledgeImport() {}

  /** What a file holds before validation; rows of {@code curves} may differ in length. */
  record Arrays(
      String name,
      List<String> ids,
      List<String> classes,
      float[][] logits,
      float[][] curves,
      float[][][][][] attention,
      Double tokenRateHz,
      Double firstTokenTimeS,
      List<String> warnings) {}

  /**
   * Reads and validates {@code source} (an {@code .npz} file or a folder with {@code logits.csv},
   * {@code curves.csv} and {@code meta.json}) against {@code dataset}.
   *
   * @param required the splits whose every clip must be in the file (clips of other splits may be
   *     present or not)
   * @param method used only when the file holds full attention maps
   * @param fusion used only when the file holds full attention maps
   * @throws KnowledgeFormatException listing every problem
   * @throws IOException when the file cannot be read at all
   */
  public static Knowledge read(
      Path source, DatasetIndex dataset, Set<Split> required, RolloutMethod method, HeadFusion fusion)
      throws IOException, KnowledgeFormatException {
    Arrays raw;
    if (Files.isDirectory(source)) {
      raw = readCsv(source);
    } else if (source.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npz")) {
      if (!Files.isRegularFile(source)) {
        throw new NoSuchFileException(source.toString(), null, "no such file");
      }
      raw = NpzKnowledgeReader.read(source);
    } else {
      throw new KnowledgeFormatException(
          source + ": expected an .npz file or a folder with logits.csv, curves.csv and meta.json");
    }
    return validate(raw, dataset, required, method, fusion);
  }

  static Knowledge validate(
      Arrays a, DatasetIndex dataset, Set<Split> required, RolloutMethod method, HeadFusion fusion)
      throws KnowledgeFormatException {
    String f = a.name();
    List<String> p = new ArrayList<>();
    // token times
    double rate = a.tokenRateHz() == null ? Double.NaN : a.tokenRateHz();
    if (a.tokenRateHz() == null) {
      p.add(f + ": token_rate_hz: missing (tokens per second of the teacher, e.g. 50 for wav2vec 2.0)");
    } else if (!(rate > 0) || Double.isInfinite(rate)) {
      p.add(f + ": token_rate_hz: must be a finite number > 0, found " + rate);
    }
    double first = a.firstTokenTimeS() == null ? 0.5 / rate : a.firstTokenTimeS();
    if (a.firstTokenTimeS() != null && !Double.isFinite(first)) {
      p.add(f + ": first_token_time_s: must be finite, found " + first);
    }
    if (a.curves() != null && a.attention() != null) {
      p.add(f + ": holds both curves and attention: give one of them");
    } else if (a.curves() == null && a.attention() == null) {
      p.add(f + ": needs curves [clips, tokens] or attention [clips, layers, heads, T+1, T+1]");
    }
    // ids against the dataset
    List<String> ids = a.ids() == null ? List.of() : a.ids();
    Map<String, Clip> byId = new HashMap<>();
    for (Clip c : dataset.clips()) {
      byId.put(c.id(), c);
    }
    Set<String> seen = new HashSet<>();
    List<String> dup = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        dup.add(id);
      } else if (!byId.containsKey(id)) {
        unknown.add(id.isEmpty() ? "(empty)" : id);
      }
    }
    many(p, f + ": clip_ids: duplicated", dup);
    many(p, f + ": clip_ids not in dataset " + dataset.root(), unknown);
    List<String> missing = new ArrayList<>();
    for (Clip c : dataset.clips()) {
      if (required.contains(c.split()) && !seen.contains(c.id())) {
        missing.add(c.id());
      }
    }
    many(p, f + ": dataset clips missing from the file (splits " + required + ")", missing);
    // classes
    List<String> classes = a.classes() == null ? List.of() : a.classes();
    if (a.classes() != null) {
      if (new HashSet<>(classes).size() != classes.size()) {
        p.add(f + ": classes: names must be unique, found " + classes);
      }
      if (classes.size() != dataset.labels().size()) {
        p.add(f + ": classes: expected " + dataset.labels().size() + " (the dataset's), found " + classes.size());
      }
      Set<String> extra = new TreeSet<>(classes);
      dataset.labels().forEach(extra::remove);
      Set<String> lacking = new TreeSet<>(dataset.labels());
      classes.forEach(lacking::remove);
      if (!extra.isEmpty()) {
        p.add(f + ": classes not in the dataset: " + String.join(", ", extra));
      }
      if (!lacking.isEmpty()) {
        p.add(f + ": dataset classes missing from the file: " + String.join(", ", lacking));
      }
    }
    // shapes and values
    int n = ids.size();
    if (a.logits() != null && a.logits().length != n) {
      p.add(f + ": logits: expected " + n + " rows (one per clip id), found " + a.logits().length);
    }
    int curvesN = a.curves() != null ? a.curves().length : a.attention() != null ? a.attention().length : n;
    if (curvesN != n) {
      p.add(f + ": " + (a.curves() != null ? "curves" : "attention") + ": expected " + n + " clips (one per clip id), found " + curvesN);
    }
    // Past this point rows are matched to ids by position: only a count mismatch stops here, so the
    // value problems below are reported together with the id and class problems above.
    if (a.logits() == null || a.logits().length != n || curvesN != n) {
      throw new KnowledgeFormatException(p);
    }
    List<String> badLogits = new ArrayList<>();
    List<String> badCurves = new ArrayList<>();
    List<String> badSums = new ArrayList<>();
    Map<String, ClipKnowledge> clips = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String id = ids.get(i);
      float[] z = a.logits()[i];
      if (z.length != classes.size()) {
        badLogits.add(id + " (" + z.length + " values for " + classes.size() + " classes)");
        continue;
      }
      int bad = firstNonFinite(z);
      if (bad >= 0) {
        badLogits.add(id + " (" + classes.get(bad) + " = " + z[bad] + ")");
        continue;
      }
      double[] curve;
      if (a.curves() != null) {
        float[] c = a.curves()[i];
        int neg = -1;
        double sum = 0;
        for (int t = 0; t < c.length && neg < 0; t++) {
          if (!(c[t] >= 0) || Float.isInfinite(c[t])) {
            neg = t;
          }
          sum += c[t];
        }
        if (c.length == 0 || neg >= 0) {
          badCurves.add(id + (c.length == 0 ? " (empty)" : " (t" + neg + " = " + c[neg] + ")"));
          continue;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
          badSums.add(String.format(java.util.Locale.ROOT, "%s (sum %.6g)", id, sum));
          continue;
        }
        curve = new double[c.length];
        for (int t = 0; t < c.length; t++) {
          curve[t] = c[t] / sum;
        }
      } else {
        try {
          curve = Rollout.curve(a.attention()[i], method, fusion);
        } catch (IllegalArgumentException e) {
          badCurves.add(id + " (" + e.getMessage() + ")");
          continue;
        }
      }
      float[] cf = new float[curve.length];
      double[] times = new double[curve.length];
      for (int t = 0; t < curve.length; t++) {
        cf[t] = (float) curve[t];
        times[t] = first + t / rate;
      }
      clips.put(id, new ClipKnowledge(id, z.clone(), cf, times));
    }
    many(p, f + ": logits: wrong length or not finite", badLogits);
    many(p, f + ": " + (a.curves() != null ? "curves: negative, empty or not finite" : "attention: unusable"), badCurves);
    many(p, f + ": curves: do not sum to 1 (±" + SUM_TOLERANCE + "; divide each row by its sum, or apply the softmax)", badSums);
    if (!p.isEmpty()) {
      throw new KnowledgeFormatException(p);
    }
    boolean maps = a.attention() != null;
    return new Knowledge(f, classes, maps ? method : null, maps ? fusion : null, clips, a.warnings());
  }

  /** {@code logits.csv} + {@code curves.csv} + {@code meta.json} in {@code dir}. */
  static Arrays readCsv(Path dir) throws IOException, KnowledgeFormatException {
    List<String> p = new ArrayList<>();
    Path logitsFile = dir.resolve("logits.csv");
    Path curvesFile = dir.resolve("curves.csv");
    Path metaFile = dir.resolve("meta.json");
    for (Path x : List.of(logitsFile, curvesFile, metaFile)) {
      if (!Files.isRegularFile(x)) {
        p.add(dir + ": " + x.getFileName() + " is missing");
      }
    }
    if (!p.isEmpty()) {
      throw new KnowledgeFormatException(p);
    }
    List<List<String>> logitRows = csv(logitsFile);
    List<List<String>> curveRows = csv(curvesFile);
    String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    if (logitRows.isEmpty() || !logitRows.get(0).get(0).strip().equals("clip_id")) {
      throw new KnowledgeFormatException(logitsFile + ": needs a header clip_id,<class 0>,<class 1>,...");
    }
    if (curveRows.isEmpty() || !curveRows.get(0).get(0).strip().equals("clip_id")) {
      throw new KnowledgeFormatException(curvesFile + ": needs a header clip_id,t0,t1,...");
    }
    List<String> classes = logitRows.get(0).subList(1, logitRows.get(0).size()).stream().map(String::strip).toList();
    List<String> ids = new ArrayList<>();
    List<float[]> logits = new ArrayList<>();
    for (int r = 1; r < logitRows.size(); r++) {
      List<String> row = logitRows.get(r);
      ids.add(row.get(0).strip());
      logits.add(numbers(row, logitsFile, r + 1, p, false));
    }
    Map<String, float[]> curvesById = new LinkedHashMap<>();
    for (int r = 1; r < curveRows.size(); r++) {
      List<String> row = curveRows.get(r);
      String id = row.get(0).strip();
      if (curvesById.put(id, numbers(row, curvesFile, r + 1, p, true)) != null) {
        p.add(curvesFile + ": line " + (r + 1) + ": clip " + id + " appears twice");
      }
    }
    Set<String> logitIds = new HashSet<>(ids);
    List<String> noCurve = ids.stream().filter(id -> !curvesById.containsKey(id)).toList();
    List<String> noLogits = curvesById.keySet().stream().filter(id -> !logitIds.contains(id)).toList();
    many(p, curvesFile + ": no row for clips of logits.csv", noCurve);
    many(p, logitsFile + ": no row for clips of curves.csv", noLogits);
    JsonNode meta;
    try {
      meta = Json.tolerant().readTree(Files.readAllBytes(metaFile));
    } catch (IOException e) {
      throw new KnowledgeFormatException(metaFile + ": not valid JSON (" + e.getMessage() + ")");
    }
    Double rate = number(meta, "token_rate_hz", metaFile, p);
    Double first = number(meta, "first_token_time_s", metaFile, p);
    if (!p.isEmpty()) {
      throw new KnowledgeFormatException(p);
    }
    float[][] curves = ids.stream().map(curvesById::get).toArray(float[][]::new);
    return new Arrays(name, ids, classes, logits.toArray(float[][]::new), curves, null, rate, first, List.of());
  }

  private static Double number(JsonNode meta, String key, Path file, List<String> p) {
    JsonNode v = meta == null ? null : meta.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      p.add(file + ": " + key + ": must be a number, found " + v);
      return null;
    }
    return v.asDouble();
  }

  private static float[] numbers(List<String> row, Path file, int line, List<String> p, boolean trailingEmptyOk) {
    int end = row.size();
    if (trailingEmptyOk) {
      while (end > 1 && row.get(end - 1).isBlank()) {
        end--;
      }
    }
    float[] v = new float[end - 1];
    for (int j = 1; j < end; j++) {
      try {
        v[j - 1] = Float.parseFloat(row.get(j).strip());
      } catch (NumberFormatException e) {
        p.add(file + ": line " + line + ", column " + (j + 1) + ": not a number: '" + row.get(j) + "'");
      }
    }
    return v;
  }

  private static List<List<String>> csv(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        rows.add(split(rows.isEmpty() ? line.replace("\uFEFF", "") : line));
      }
    }
    return rows;
  }

  /** One CSV line, fields quoted as RFC 4180 allows (no line breaks inside fields). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cur.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static int firstNonFinite(float[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        return i;
      }
    }
    return -1;
  }

  /** One problem for many clips: the count and the first few. */
  private static void many(List<String> p, String what, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    p.add(what + ": " + items.size() + (items.size() == 1 ? " clip: " : " clips, e.g. ")
        + String.join(", ", items.subList(0, Math.min(EXAMPLES, items.size())))
        + (items.size() > EXAMPLES ? ", ..." : ""));
  }
}
