package org.tkdworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.data.noisy.KeywordSpan;
import org.tkdworkbench.data.noisy.KeywordSpans;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.Knowledge;
import org.tkdworkbench.distill.KnowledgeCache;
import org.tkdworkbench.distill.KnowledgeFormatException;
import org.tkdworkbench.distill.KnowledgeImport;
import org.tkdworkbench.distill.RolloutMethod;
import org.tkdworkbench.distill.TeacherEvaluation;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.workspace.Csv;
import org.tkdworkbench.workspace.Json;
import org.tkdworkbench.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code teacher evaluate --teacher DIR --dataset DIR [--split test]}: the teacher's accuracy (mAP
 * for a multi-label dataset) on one split and, when the dataset has {@code keyword_spans.csv}, the
 * share of clips whose attention peak falls inside the keyword span and the mean distance of the
 * peak to the span. The logits and curves go through the workspace's knowledge cache, so a second
 * evaluation (or distillation) reuses them.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Test accuracy (or mAP) and how often the rollout peak falls in the keyword span.")
final class TeacherEvaluateCommand implements Callable<Integer> {
  @Option(names = "--teacher", paramLabel = "DIR", description = "A saved teacher folder.")
  Path teacher;

  @Option(
      names = "--knowledge",
      paramLabel = "FILE",
      description =
          "Instead of --teacher: imported knowledge (.npz, or a folder with logits.csv, curves.csv,"
              + " meta.json).")
  Path knowledge;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "DIR",
      description = "The dataset folder.")
  Path dataset;

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      description = "train, validation or test (default).")
  String split = "test";

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "auto (default), folders, speech-commands, esc50, fsd50k or manifest.")
  String layout = "auto";

  @picocli.CommandLine.Mixin AttentionOptions attention;

  @picocli.CommandLine.Mixin EngineOptions engineOptions;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--per-clip", paramLabel = "FILE",
      description = "Also write every clip's outcome as CSV: clip,labels,predicted,correct,peak_s,span_start_s,span_end_s,peak_inside.")
  Path perClip;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    engineOptions.selectOrFail();
    RolloutMethod m = attention.method();
    HeadFusion f = attention.fusion();
    Split s =
        Split.fromName(split)
            .orElseThrow(
                () ->
                    new CliUsageException(
                        "--split: must be train, validation or test, found " + split));
    Layout chosen = DatasetSourceOptions.parseLayout(layout);
    if ((teacher == null) == (knowledge == null)) {
      throw new CliUsageException("give either --teacher DIR or --knowledge FILE (exactly one)");
    }
    if (perClip != null) {
      Outputs.notInside("--per-clip", dataset, perClip);
      if (knowledge != null) {
        Outputs.notTheInput("--per-clip", knowledge, perClip.toString());
        if (Files.isDirectory(knowledge)) {
          Outputs.notInside("--per-clip", knowledge, perClip);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (knowledge != null) {
      return evaluateImported(s, chosen, m, f, out, err);
    }
    Workspace ws = ((WorkbenchCommand) spec.root().userObject()).workspace();
    String teacherId;
    try {
      teacherId = Files.isDirectory(teacher) ? KnowledgeCache.teacherId(teacher) : null;
    } catch (IOException e) {
      err.println(
          "error: cannot read teacher "
              + teacher
              + ": "
              + org.tkdworkbench.workspace.AtomicFiles.describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    }
    try (CliJob job = CliJob.start(err);
        AttentionTeacher t = TeacherAttentionCommand.open(teacher, err)) {
      if (t == null) {
        return WorkbenchCommand.EXIT_FAILED;
      }
      if (perClip != null) {
        Outputs.notInside("--per-clip", teacher, perClip); // a teacher folder, now known to be one
      }
      Selection sel = select(chosen, s, job, err);
      if (sel == null) {
        return WorkbenchCommand.EXIT_FAILED;
      }
      DatasetIndex index = sel.index();
      List<Clip> clips = sel.clips();
      Map<String, KeywordSpan> spans = spans(index, err);
      Knowledge k;
      try {
        k =
            new KnowledgeCache(ws.knowledgeCache())
                .get(
                    t,
                    teacherId,
                    index.withClips(clips, List.of()),
                    new FeatureCache(ws.featureCache()),
                    new AudioDecoder(),
                    m,
                    f,
                    job);
      } catch (CancelledException e) {
        err.println("cancelled");
        return WorkbenchCommand.EXIT_FAILED;
      }
      return report(k, teacherId, index, clips, spans, m, f, s, out, err);
    }
  }

  /** The dataset and its clips of one split. */
  private record Selection(DatasetIndex index, List<Clip> clips) {}

  /**
   * Reads {@code --dataset} and keeps the clips of split {@code s}; null (after saying why on
   * {@code err}) when the folder cannot be read or the split is empty.
   */
  private Selection select(Layout chosen, Split s, JobContext ctx, PrintWriter err) {
    DatasetIndex index;
    try {
      index = Datasets.index(dataset, chosen, LayoutOptions.defaults(), ctx);
    } catch (IOException e) {
      err.println("error: cannot read dataset " + dataset + ": " + DatasetSourceOptions.describe(e));
      return null;
    }
    List<Clip> clips = index.clips().stream().filter(c -> c.split() == s).toList();
    if (clips.isEmpty()) {
      err.println(
          "error: dataset " + dataset + " has no " + s.displayName() + " clips (" + index.summary() + ")");
      return null;
    }
    return new Selection(index, clips);
  }

  /** {@code --knowledge}: the same measurements on knowledge computed elsewhere. */
  private int evaluateImported(
      Split s, Layout chosen, RolloutMethod m, HeadFusion f, PrintWriter out, PrintWriter err)
      throws IOException {
    Selection sel = select(chosen, s, JobContext.none(), err);
    if (sel == null) {
      return WorkbenchCommand.EXIT_FAILED;
    }
    DatasetIndex index = sel.index();
    List<Clip> clips = sel.clips();
    Knowledge k;
    try {
      k = KnowledgeImport.read(knowledge, index, EnumSet.of(s), m, f);
    } catch (KnowledgeFormatException e) {
      err.println(
          "error: " + knowledge + " cannot be used (" + e.problems().size() + " problems):");
      e.problems().forEach(p -> err.println("  " + p));
      return WorkbenchCommand.EXIT_FAILED;
    } catch (IOException e) {
      err.println(
          "error: cannot read "
              + knowledge
              + ": "
              + org.tkdworkbench.workspace.AtomicFiles.describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    }
    return report(k, k.source(), index, clips, spans(index, err), m, f, s, out, err);
  }

  private static Map<String, KeywordSpan> spans(DatasetIndex index, PrintWriter err) {
    Path spansFile = index.root().resolve(KeywordSpans.FILE_NAME);
    if (Files.isRegularFile(spansFile)) {
      try {
        return KeywordSpans.read(spansFile);
      } catch (IOException e) {
        err.println("warning: keyword spans not used: " + e.getMessage());
      }
    }
    return null;
  }

  private int report(
      Knowledge k,
      String teacherId,
      DatasetIndex index,
      List<Clip> clips,
      Map<String, KeywordSpan> spans,
      RolloutMethod m,
      HeadFusion f,
      Split s,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    for (String w : k.warnings()) {
      err.println("warning: " + w);
    }
    TeacherEvaluation ev;
    try {
      ev = TeacherEvaluation.of(k, clips, index.multiLabel(), spans);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return WorkbenchCommand.EXIT_FAILED;
    }
    if (perClip != null) {
      try {
        writePerClip(perClip, ev, spans);
      } catch (IOException e) {
        err.println("error: --per-clip: cannot write " + perClip + ": " + org.tkdworkbench.workspace.AtomicFiles.describe(e));
        return WorkbenchCommand.EXIT_FAILED;
      }
    }
    // Imported curves were made elsewhere: --method and --fusion did not shape them.
    RolloutMethod madeBy = k.method();
    HeadFusion fusedBy = k.fusion();
    if (json) {
      out.println(Json.mapper().writeValueAsString(toJson(ev, teacherId, madeBy, fusedBy, s)));
    } else {
      print(out, ev, teacherId, madeBy, fusedBy, s, index.root());
    }
    return 0;
  }

  private void print(
      PrintWriter out,
      TeacherEvaluation ev,
      String teacherId,
      RolloutMethod m,
      HeadFusion f,
      Split s,
      Path root) {
    out.printf(
        Locale.ROOT,
        "%s on %s (%s split: %d clips%s)%n",
        teacherId,
        dataset,
        s.displayName(),
        ev.clips(),
        ev.missing().isEmpty() ? "" : ", " + ev.missing().size() + " left out: unreadable");
    if (ev.multiLabel()) {
      out.printf(Locale.ROOT, "mAP: %.4f%n", ev.value());
    } else {
      out.printf(Locale.ROOT, "accuracy: %.4f (%d/%d)%n", ev.value(), ev.correct(), ev.clips());
    }
    if (ev.peaks() == null) {
      out.println("peak in keyword span: " + (Files.isRegularFile(root.resolve(KeywordSpans.FILE_NAME))
          ? "not measured, " + KeywordSpans.FILE_NAME + " cannot be read (see the warning on stderr)"
          : "no " + KeywordSpans.FILE_NAME + " in the dataset"));
    } else {
      out.printf(
          Locale.ROOT,
          "%s peak in keyword span: %.4f (%d/%d clips with a span), mean distance to the span %.3f"
              + " s%s%n",
          m == null
              ? "imported curve"
              : AttentionOptions.cliName(m)
                  + " ("
                  + AttentionOptions.cliName(f)
                  + " heads)",
          ev.peaks().share(),
          ev.peaks().inside(),
          ev.peaks().clips(),
          ev.peaks().meanDistanceSeconds(),
          ev.withoutSpan() == 0 ? "" : "; " + ev.withoutSpan() + " clips without a span");
    }
  }

  /** One row per scored clip; labels joined by {@code ;}; the span columns empty without a span. */
  private static void writePerClip(Path file, TeacherEvaluation ev, Map<String, KeywordSpan> spans) throws IOException {
    StringBuilder b = new StringBuilder("clip,labels,predicted,correct,peak_s,span_start_s,span_end_s,peak_inside\n");
    for (TeacherEvaluation.ClipScore c : ev.perClip()) {
      KeywordSpan span = spans == null ? null : spans.get(c.clipId());
      // Clip ids may hold commas or quotes (a manifest's paths).
      b.append(Csv.quote(c.clipId())).append(',')
          .append(Csv.quote(String.join(";", c.labels()))).append(',')
          .append(Csv.quote(String.join(";", c.predicted()))).append(',')
          .append(c.correct()).append(',');
      if (c.peak() == null || span == null) {
        b.append(",,,\n");
      } else {
        b.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%b%n",
            c.peak().peakSeconds(), span.startSeconds(), span.endSeconds(), c.peak().inside()));
      }
    }
    org.tkdworkbench.workspace.AtomicFiles.write(file, b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private ObjectNode toJson(
      TeacherEvaluation ev, String teacherId, RolloutMethod m, HeadFusion f, Split s) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("teacher", teacherId);
    o.put("dataset", dataset.toString());
    o.put("split", s.displayName());
    o.put("method", m == null ? "imported-curves" : AttentionOptions.cliName(m));
    o.put("fusion", f == null ? null : AttentionOptions.cliName(f));
    o.put("clips", ev.clips());
    o.put("metric", ev.metricName());
    o.put("value", ev.value());
    if (!ev.multiLabel()) {
      o.put("correct", ev.correct());
    }
    o.putPOJO("left_out", ev.missing());
    if (ev.peaks() == null) {
      o.putNull("peak_in_span");
    } else {
      ObjectNode p = o.putObject("peak_in_span");
      p.put("clips", ev.peaks().clips());
      p.put("inside", ev.peaks().inside());
      p.put("share", ev.peaks().share());
      p.put("mean_distance_s", ev.peaks().meanDistanceSeconds());
      p.put("clips_without_span", ev.withoutSpan());
    }
    return o;
  }
}
