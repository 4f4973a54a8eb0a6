package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.ImportReport;
import org.tkdworkbench.data.Refusal;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.data.noisy.NoisySpec;
import org.tkdworkbench.ui.wizard.SummaryModel.Outcome;

/**
 * The import report as the summary page words it: one line per fact, plus the per-class counts for
 * the chart and the refused files for the table. Pure, so it is tested without the toolkit.
 */
public record ReportFacts(
    String dataset,
    String classes,
    String clips,
    String durations,
    String sampleRates,
    String refusedCount,
    String noisy,
    List<String> warnings,
    SortedMap<String, Map<Split, Integer>> perClass,
    List<Refusal> refused) {

  public static ReportFacts of(Outcome o) {
    ImportReport r = o.report();
    DatasetIndex index = o.index();
    int classes = (int) r.perClass().values().stream().filter(m -> total(m) > 0).count();
    String classText =
        classes
            + (classes == 1 ? " class" : " classes")
            + (index.labels().size() > classes
                ? " (" + index.labels().size() + " in the vocabulary)"
                : "")
            + (index.multiLabel() ? ", multi-label" : "");
    String clips =
        index.clips().size()
            + " clips: "
            + java.util.Arrays.stream(Split.values())
                .map(s -> r.perSplit().getOrDefault(s, 0) + " " + s.displayName())
                .collect(Collectors.joining(" · "));
    String durations =
        index.clips().isEmpty()
            ? "none"
            : "total "
                + hms(r.totalSeconds())
                + " · per clip "
                + String.format(Locale.ROOT, "%.2f–%.2f s", r.minSeconds(), r.maxSeconds());
    String rates =
        r.sampleRates().isEmpty()
            ? "none"
            : r.sampleRates().entrySet().stream()
                .map(e -> e.getKey() + " Hz (" + e.getValue() + (e.getValue() == 1 ? " clip)" : " clips)"))
                .collect(Collectors.joining(", "));
    String refused =
        r.refused().isEmpty()
            ? "none"
            : r.refused().size() + (r.refused().size() == 1 ? " file" : " files") + ", listed below";
    String noisy = null;
    if (o.noisy() != null && o.request().noisy() != null) {
      NoisySpec s = o.request().noisy().spec();
      noisy =
          String.format(
              Locale.ROOT,
              "built %d clips%s of %s s at %s..%s dB SNR (seed %d, %d Hz) from %s%s",
              o.noisy().written(),
              s.trainingCopies() > 1 ? " (" + s.trainingCopies() + " copies of each training clip)" : "",
              Numbers.format(s.lengthSeconds()),
              Numbers.format(s.snrMinDb()),
              Numbers.format(s.snrMaxDb()),
              s.seed(),
              s.sampleRate(),
              o.request().root(),
              o.noisy().refused() == 0 ? "" : ", " + o.noisy().refused() + " source clips refused");
    }
    List<String> warnings = new ArrayList<>(index.warnings());
    if (o.noisy() != null) {
      warnings.addAll(o.noisy().problems());
    }
    return new ReportFacts(
        index.root() + " (" + index.layout().cliName() + ")",
        classText,
        clips,
        durations,
        rates,
        refused,
        noisy,
        warnings,
        r.perClass(),
        r.refused());
  }

  private static int total(Map<Split, Integer> m) {
    return m.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** "22 min 8 s", "1 h 03 min", "4.0 s". */
  static String hms(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
