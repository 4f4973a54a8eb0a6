package org.tkdworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.models.student.StudentArchitecture;
import org.tkdworkbench.models.student.StudentBenchmark;
import org.tkdworkbench.models.student.StudentPreset;
import org.tkdworkbench.models.student.StudentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench train} (alias {@code bench students}): each student's cost, inference latency,
 * training speed (steps and samples per second at a batch size) and the process's peak memory on
 * this machine.
 */
@Command(
    name = "train",
    aliases = "students",
    mixinStandardHelpOptions = true,
    description = "Parameters, MACs, single-clip latency, training steps/s and samples/s of each student at"
        + " a batch size, and the peak resident memory of the process.")
final class BenchStudentsCommand implements Callable<Integer> {
  @Option(names = "--student", paramLabel = "NAME", split = ",",
      description = "Students to measure: lstm-p, tc-resnet, crnn, att-rnn, mhatt-rnn (default: all).")
  List<String> students = new ArrayList<>();

  @Option(names = "--preset", paramLabel = "NAME", description = "small or paper (default: ${DEFAULT-VALUE}).")
  String preset = "small";

  @Option(names = "--frames", paramLabel = "N", description = "Frames per clip (default: ${DEFAULT-VALUE}, 4 s at hop 160).")
  int frames = 401;

  @Option(names = "--mels", paramLabel = "N", description = "Mel bands (default: ${DEFAULT-VALUE}).")
  int mels = 40;

  @Option(names = "--classes", paramLabel = "N", description = "Classes (default: ${DEFAULT-VALUE}).")
  int classes = 12;

  @Option(names = "--batch", paramLabel = "N", description = "Clips per training step (default: ${DEFAULT-VALUE}).")
  int batch = 32;

  @Option(names = "--steps", paramLabel = "N", description = "Timed training steps; 0 skips training (default: ${DEFAULT-VALUE}).")
  int steps = 15;

  @Option(names = "--runs", paramLabel = "N", description = "Timed single-clip inference passes (default: ${DEFAULT-VALUE}).")
  int runs = 30;

  @picocli.CommandLine.Mixin EngineOptions engineOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    engineOptions.selectOrFail();
    StudentPreset p;
    List<StudentArchitecture> archs = new ArrayList<>();
    try {
      p = StudentPreset.fromCliName(preset);
      for (String s : students) {
        archs.add(StudentArchitecture.fromCliName(s));
      }
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(e.getMessage());
    }
    if (archs.isEmpty()) {
      archs.addAll(List.of(StudentArchitecture.values()));
    }
    if (batch < 1 || steps < 0 || runs < 1) {
      throw new CliUsageException(
          "--batch and --runs: must be at least 1, --steps at least 0, found " + batch + ", " + runs + ", " + steps);
    }
    List<StudentSpec> specs = new ArrayList<>();
    for (StudentArchitecture a : archs) {
      StudentSpec s = StudentSpec.of(a, p, mels, classes);
      List<String> problems = s.validate();
      if (!problems.isEmpty()) {
        throw new CliUsageException(String.join("\n", problems));
      }
      if (frames < org.tkdworkbench.models.student.Students.minFrames(s)) {
        throw new CliUsageException(
            "--frames: must be at least " + org.tkdworkbench.models.student.Students.minFrames(s) + " for " + a + ", found " + frames);
      }
      specs.add(s);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s on %s: %d frames x %d mels, %d classes, preset %s; training at batch %d%n",
        Engines.describe(Engines.current()), Engines.currentDevice(), frames, mels, classes, p, batch);
    out.printf(Locale.ROOT, "%-10s %10s %14s %12s %12s %10s %10s %12s%n",
        "student", "params", "MACs/clip", "fp32 bytes", "latency ms", "steps/s", "samples/s", "peak RSS MB");
    for (StudentSpec s : specs) {
      StudentBenchmark.Result r = StudentBenchmark.run(s, frames, batch, steps, runs);
      out.printf(Locale.ROOT, "%-10s %10d %14d %12d %12.2f %10.2f %10.1f %12s%n",
          s.architecture(), r.cost().parameters(), r.cost().macsPerClip(), r.cost().bytesFp32(), r.latencyMs(),
          r.stepsPerSecond(), r.stepsPerSecond() * batch, peakRssMb());
      out.flush();
    }
    out.println("peak RSS: the whole process's high-water mark so far (VmHWM), so later rows include earlier ones;"
        + " measure one --student per run for its own peak");
    return 0;
  }

  /** The process's peak resident set (Linux {@code /proc/self/status} VmHWM), or "n/a". */
  static String peakRssMb() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux: no peak to report
    }
    return "n/a";
  }
}
