package org.tkdworkbench.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.tkdworkbench.workspace.Json;

/**
 * An {@link ImportReport} as JSON (for scripts: {@code dataset inspect --json}) and as a plain-text
 * table (for people). Both list classes, splits and refusals in sorted order, so two runs over the
 * same folder print the same bytes.
 *
 * <p>JSON keys: {@code root}, {@code layout} (its CLI name), {@code multiLabel}, {@code classes}
 * (list), {@code clips} (accepted count), {@code perClass} ({@code {class: {train, validation,
 * test}}}, a multi-label clip counted under each of its labels), {@code perSplit}, {@code
 * durations} ({@code {total, min, max}} in seconds), {@code sampleRates} ({@code {"16000":
 * clips}}), {@code noiseFiles} (count), {@code refused} (list of {@code {path, reason, detail}},
 * reason in lower snake case such as {@code outside_root}), {@code warnings} (list of sentences).
 */
public final class ImportReportFormat {
  /** Refusals the table lists one by one; the JSON lists all. */
  public static final int MAX_REFUSALS_SHOWN = 200;

  private ImportReportFormat() {}

  /** The report as a JSON object (see the class comment for its keys). */
  public static ObjectNode toJson(ImportReport r) {
    DatasetIndex index = r.index();
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("root", index.root().toString());
    o.put("layout", index.layout().cliName());
    o.put("multiLabel", index.multiLabel());
    ArrayNode classes = o.putArray("classes");
    r.perClass().keySet().forEach(classes::add);
    o.put("clips", index.clips().size());
    ObjectNode perClass = o.putObject("perClass");
    r.perClass().forEach((label, counts) -> splits(perClass.putObject(label), counts));
    splits(o.putObject("perSplit"), r.perSplit());
    ObjectNode d = o.putObject("durations");
    d.put("total", r.totalSeconds());
    d.put("min", r.minSeconds());
    d.put("max", r.maxSeconds());
    ObjectNode rates = o.putObject("sampleRates");
    r.sampleRates().forEach((rate, n) -> rates.put(Integer.toString(rate), n));
    o.put("noiseFiles", index.noiseFiles().size());
    ArrayNode refused = o.putArray("refused");
    for (Refusal f : r.refused()) {
      ObjectNode x = refused.addObject();
      x.put("path", f.path());
      x.put("reason", f.reason().name().toLowerCase(Locale.ROOT));
      x.put("detail", f.detail());
    }
    ArrayNode warnings = o.putArray("warnings");
    index.warnings().forEach(warnings::add);
    return o;
  }

  private static void splits(ObjectNode o, Map<Split, Integer> counts) {
    for (Split s : Split.values()) {
      o.put(s.displayName(), counts.getOrDefault(s, 0));
    }
  }

  /** The report as a table for a terminal. */
  public static String toText(ImportReport r) {
    DatasetIndex index = r.index();
    StringBuilder sb = new StringBuilder();
    Map<Split, Integer> n = r.perSplit();
    line(sb, "Dataset   %s", index.root());
    line(
        sb,
        "Layout    %s (%s)",
        index.layout().cliName(),
        index.multiLabel() ? "multi-label" : "single-label");
    line(
        sb,
        "Clips     %d accepted (train %d, validation %d, test %d), %d refused, %d noise files",
        index.clips().size(),
        n.get(Split.TRAIN),
        n.get(Split.VALIDATION),
        n.get(Split.TEST),
        r.refused().size(),
        index.noiseFiles().size());
    if (!index.clips().isEmpty()) {
      line(
          sb,
          "Duration  %s in total, %.2f to %.2f s per clip",
          hms(r.totalSeconds()),
          r.minSeconds(),
          r.maxSeconds());
      StringBuilder rates = new StringBuilder();
      r.sampleRates()
          .forEach(
              (rate, k) ->
                  rates
                      .append(rates.length() == 0 ? "" : ", ")
                      .append(rate)
                      .append(" Hz: ")
                      .append(k)
                      .append(k == 1 ? " clip" : " clips"));
      line(sb, "Rates     %s", rates);
    }
    sb.append('\n');
    int width =
        Math.max(
            "(clips)".length(),
            r.perClass().keySet().stream().mapToInt(String::length).max().orElse(5));
    String row = "%-" + width + "s  %7s  %10s  %7s";
    line(sb, row, "class", "train", "validation", "test");
    r.perClass()
        .forEach(
            (label, c) ->
                line(
                    sb,
                    row,
                    label,
                    c.get(Split.TRAIN),
                    c.get(Split.VALIDATION),
                    c.get(Split.TEST)));
    line(sb, row, "(clips)", n.get(Split.TRAIN), n.get(Split.VALIDATION), n.get(Split.TEST));
    if (index.multiLabel()) {
      line(sb, "A clip with several labels counts once under each of them.");
    }
    if (!r.refused().isEmpty()) {
      sb.append('\n');
      Map<Refusal.Reason, Integer> byReason = new EnumMap<>(Refusal.Reason.class);
      r.refused().forEach(f -> byReason.merge(f.reason(), 1, Integer::sum));
      StringBuilder reasons = new StringBuilder();
      byReason.forEach(
          (reason, k) ->
              reasons
                  .append(reasons.length() == 0 ? "" : ", ")
                  .append(reason.phrase())
                  .append(' ')
                  .append(k));
      line(sb, "Refused (%d: %s):", r.refused().size(), reasons);
      // A missing audio folder refuses 40,000 rows alike; the first ones show the pattern.
      int shown = Math.min(r.refused().size(), MAX_REFUSALS_SHOWN);
      for (Refusal f : r.refused().subList(0, shown)) {
        line(sb, "  %s", f);
      }
      if (shown < r.refused().size()) {
        line(sb, "  ... and %d more (the JSON report lists them all)", r.refused().size() - shown);
      }
    }
    if (!index.warnings().isEmpty()) {
      sb.append('\n');
      line(sb, "Warnings:");
      index.warnings().forEach(w -> line(sb, "  %s", w));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String format, Object... args) {
    sb.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** "2 h 05 min 03.0 s", "4 min 10.5 s" or "3.2 s". */
  static String hms(double seconds) {
    long h = (long) (seconds / 3600);
    long m = (long) ((seconds - h * 3600) / 60);
    double s = seconds - h * 3600 - m * 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%d h %02d min %04.1f s", h, m, s);
    }
    if (m > 0) {
      return String.format(Locale.ROOT, "%d min %04.1f s", m, s);
    }
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
