package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.SampleDataset;
import org.tkdworkbench.data.SpeechCommandsIndexer;
import org.tkdworkbench.features.FeatureBenchmark;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.features.FeatureSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench features}: decodes every clip of a dataset (the bundled sample by default), then
 * measures log-mel extraction in clips per second on one thread and on several.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = "Clips per second of log-mel extraction, single- and multi-threaded.")
final class BenchFeaturesCommand implements Callable<Integer> {
  @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset folder (default: the bundled sample).")
  Path dataset;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for the multi-threaded pass (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--repeats", paramLabel = "N", description = "Timed passes over the clips (default: ${DEFAULT-VALUE}).")
  int repeats = 5;

  @Mixin FeatureOptions featureOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (threads < 1) {
      throw new CliUsageException("--threads: must be at least 1, found " + threads);
    }
    if (repeats < 1) {
      throw new CliUsageException("--repeats: must be at least 1, found " + repeats);
    }
    FeatureSpec fs = featureOptions.toSpec();
    Path root = dataset != null ? dataset : SampleDataset.locate().orElseThrow(
        () -> new CliUsageException("the bundled sample-audio folder was not found; pass --dataset DIR"));
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = audioFiles(root);
    if (files.isEmpty()) {
      throw new CliUsageException("no audio files under " + root);
    }
    AudioDecoder decoder = new AudioDecoder();
    List<float[]> clips = new ArrayList<>();
    int refused = 0;
    long t0 = System.nanoTime();
    for (Path f : files) {
      try {
        clips.add(decoder.decode(f, fs.sampleRate()).samples());
      } catch (AudioDecodeException e) {
        refused++;
        spec.commandLine().getErr().println("skipped " + e.getMessage());
      }
    }
    double decodeSeconds = (System.nanoTime() - t0) / 1e9;
    if (clips.isEmpty()) {
      spec.commandLine().getErr().println(
          "error: none of the " + files.size() + " files under " + root + " could be decoded");
      return WorkbenchCommand.EXIT_FAILED;
    }
    out.printf(Locale.ROOT, "dataset: %s (%d clips, %d refused)%n", root, clips.size(), refused);
    out.printf(Locale.ROOT, "spec: %d Hz, n_fft %d, win %d, hop %d, %d mels%n",
        fs.sampleRate(), fs.nFft(), fs.winLength(), fs.hopLength(), fs.nMels());
    out.printf(Locale.ROOT, "decode (+resample), 1 thread: %.1f clips/s%n", clips.size() / decodeSeconds);
    FeatureBenchmark bench = new FeatureBenchmark(fs);
    print(out, bench.measure(clips, 1, repeats));
    if (threads > 1) {
      print(out, bench.measure(clips, threads, repeats));
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, FeatureBenchmark.Result r) {
    out.printf(Locale.ROOT, "log-mel, %d thread%s: %.1f clips/s (%.0fx real time, %d clips in %.2f s)%n",
        r.threads(), r.threads() == 1 ? "" : "s", r.clipsPerSecond(), r.realtimeFactor(),
        r.clipsProcessed(), r.wallSeconds());
  }

  /**
   * The dataset's clips (label folders; noise sources excluded), or for a flat folder of audio
   * every audio file in it.
   */
  static List<Path> audioFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new CliUsageException("not a folder: " + root);
    }
    List<Path> clips =
        SpeechCommandsIndexer.index(root, JobContext.none()).clips().stream()
            .map(c -> c.path())
            .toList();
    if (!clips.isEmpty()) {
      return clips;
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> SpeechCommandsIndexer.isAudioFile(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }
}
