package org.tkdworkbench.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tkdworkbench.audio.AudioClip;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.Rollout;
import org.tkdworkbench.distill.RolloutMethod;
import org.tkdworkbench.features.LogMelExtractor;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.TeacherOutput;
import org.tkdworkbench.models.TeacherStore;
import org.tkdworkbench.workspace.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code teacher attention --teacher DIR --input FILE --output OUT.csv}: decodes the file with the
 * teacher's front end, runs the teacher and writes its attention curve ({@code time_s,weight}, one
 * row per input token at the token's centre time), atomically; {@code --output -} writes to
 * standard output.
 */
@Command(
    name = "attention",
    mixinStandardHelpOptions = true,
    description = "Write a clip's rollout curve at the teacher's token times (CSV time_s,weight).")
final class TeacherAttentionCommand implements Callable<Integer> {
  /** How the teacher commands open a teacher folder: a seam so tests can use a fake teacher. */
  @FunctionalInterface
  interface TeacherOpener {
    AttentionTeacher open(Path folder) throws IOException;
  }

  static volatile TeacherOpener opener = TeacherStore::load;

  @Option(
      names = "--teacher",
      required = true,
      paramLabel = "DIR",
      description = "A saved teacher folder.")
  Path teacher;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Audio file.")
  Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "OUT.csv",
      description = "CSV to write, or - for standard output.")
  String output;

  @picocli.CommandLine.Mixin AttentionOptions attention;

  @picocli.CommandLine.Mixin EngineOptions engineOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    engineOptions.selectOrFail();
    Outputs.notTheInput("--output", input, output);
    RolloutMethod m = attention.method();
    HeadFusion f = attention.fusion();
    var err = spec.commandLine().getErr();
    try (AttentionTeacher t = open(teacher, err)) {
      if (t == null) {
        return WorkbenchCommand.EXIT_FAILED;
      }
      if (!output.equals("-")) {
        Outputs.notInside("--output", teacher, Path.of(output)); // a teacher folder, now known to be one
      }
      AudioClip clip;
      try {
        clip = new AudioDecoder().decode(input, t.spec().features().sampleRate());
      } catch (AudioDecodeException e) {
        err.println("error: " + e.getMessage());
        return WorkbenchCommand.EXIT_FAILED;
      }
      float[][] logMel = new LogMelExtractor(t.spec().features()).compute(clip.samples());
      TeacherOutput o = t.infer(logMel);
      double[] curve = Rollout.curve(o.attention(), m, f);
      double[] times = o.tokenTimes();
      if (times.length != curve.length) {
        err.println(
            "error: the teacher returned "
                + curve.length
                + " attention tokens but "
                + times.length
                + " token times");
        return WorkbenchCommand.EXIT_FAILED;
      }
      if (output.equals("-")) {
        Writer w = spec.commandLine().getOut();
        writeCsv(times, curve, w);
        w.flush();
      } else {
        try {
          AtomicFiles.write(
              Path.of(output),
              out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                writeCsv(times, curve, w);
                w.flush();
              });
        } catch (IOException e) {
          err.println("error: cannot write " + output + ": " + AtomicFiles.describe(e));
          return WorkbenchCommand.EXIT_FAILED;
        }
        int peak = 0;
        for (int i = 1; i < curve.length; i++) {
          peak = curve[i] > curve[peak] ? i : peak;
        }
        err.printf(
            Locale.ROOT,
            "%s: %d tokens, peak at %.3f s (%s, %s heads) -> %s%n",
            input.getFileName(),
            curve.length,
            times[peak],
            AttentionOptions.cliName(m),
            AttentionOptions.cliName(f),
            output);
      }
      return 0;
    }
  }

  /** Opens a teacher folder, or prints why not (naming the folder) and returns null. */
  static AttentionTeacher open(Path folder, java.io.PrintWriter err) {
    if (!Files.isDirectory(folder)) {
      err.println(
          "error: cannot open teacher "
              + folder
              + ": "
              + (Files.exists(folder) ? "not a folder" : "no such folder"));
      return null;
    }
    try {
      return opener.open(folder);
    } catch (IOException | RuntimeException e) {
      String why =
          e instanceof IOException io ? AtomicFiles.describe(io) : String.valueOf(e.getMessage());
      err.println("error: cannot open teacher " + folder + ": " + why);
      return null;
    }
  }

  static void writeCsv(double[] times, double[] weights, Writer w) throws IOException {
    w.write("time_s,weight\n");
    for (int i = 0; i < times.length; i++) {
      w.write(String.format(Locale.ROOT, "%.6f,%s\n", times[i], weights[i]));
    }
  }
}
