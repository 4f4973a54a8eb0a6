package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.SpeechCommandsIndexer;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.data.noisy.NoiseSources;
import org.tkdworkbench.data.noisy.NoisyKeywordBuilder;
import org.tkdworkbench.data.noisy.NoisySpec;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.workspace.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dataset noisy}: writes a noisy-keyword variant of a dataset ({@link NoisyKeywordBuilder}).
 * The source is read as a Speech Commands / folder-per-class tree; the builder itself takes any
 * single-label {@link DatasetIndex}. Ctrl-C cancels the build and removes its temporary folder.
 */
@Command(
    name = "noisy",
    mixinStandardHelpOptions = true,
    description = {
      "Build a noisy-keyword variant of a dataset: each clip placed at a random offset in noise of"
          + " the given length, at an SNR drawn from the range (measured over the keyword's active"
          + " region). Writes <label>/<name>.wav, the split lists, keyword_spans.csv and"
          + " noisy_spec.json."
    })
final class DatasetNoisyCommand implements Callable<Integer> {
  private static final NoisySpec D = NoisySpec.defaults();

  @Mixin DatasetSourceOptions source;

  @Option(
      names = "--noise",
      paramLabel = "DIR",
      description =
          "Folder of noise audio, searched recursively (default: the source's _background_noise_).")
  Path noise;

  @Option(
      names = "--length",
      paramLabel = "SECONDS",
      description = "Length of every clip (default: ${DEFAULT-VALUE}).")
  double length = D.lengthSeconds();

  @Option(
      names = "--snr-min",
      paramLabel = "DB",
      description = "Lowest SNR (default: ${DEFAULT-VALUE}).")
  double snrMin = D.snrMinDb();

  @Option(
      names = "--snr-max",
      paramLabel = "DB",
      description = "Highest SNR (default: ${DEFAULT-VALUE}).")
  double snrMax = D.snrMaxDb();

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the offsets, SNRs and noise excerpts (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(
      names = "--copies",
      paramLabel = "K",
      description =
          "Noisy copies of each training clip, each with its own offset, SNR and noise excerpt;"
              + " validation and test clips are written once (default: ${DEFAULT-VALUE}).")
  int copies = D.trainingCopies();

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "New (or empty) folder to write.")
  Path output;

  @Option(
      names = "--sample-rate",
      paramLabel = "HZ",
      description = "Rate of the written clips (default: ${DEFAULT-VALUE}).")
  int sampleRate = D.sampleRate();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads (default: ${DEFAULT-VALUE}).")
  int threads = NoisyKeywordBuilder.DEFAULT_THREADS;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    NoisySpec ns = new NoisySpec(length, snrMin, snrMax, seed, sampleRate, copies);
    List<String> problems = new ArrayList<>();
    for (String p : ns.validate()) {
      problems.add(toOptionNames(p));
    }
    if (threads < 1) {
      problems.add("--threads: must be at least 1, found " + threads);
    }
    problems.addAll(source.problems());
    if (noise != null && !Files.isDirectory(noise)) {
      problems.add("--noise: must be a folder of noise audio, found " + describe(noise));
    }
    Path folder = source.dir != null || source.source != null ? source.folder() : null;
    for (String p :
        NoisyKeywordBuilder.checkOutput(
            output, folder != null && Files.isDirectory(folder) ? folder : null)) {
      problems.add(toOptionNames(p));
    }
    if (!problems.isEmpty()) {
      throw new CliUsageException(String.join("\n  ", problems));
    }

    source.noteIgnored(err0());
    DatasetIndex index;
    try {
      index = source.index(JobContext.none());
    } catch (IOException e) {
      err0().println("error: cannot read " + folder + ": " + DatasetSourceOptions.describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    }
    if (index.clips().isEmpty()) {
      throw new CliUsageException(
          source.name()
              + ": no clips found under "
              + index.root()
              + " (expected <label>/<clip>.wav folders)");
    }
    List<Path> noiseFiles;
    try {
      noiseFiles = noise != null ? NoiseSources.find(noise) : index.noiseFiles();
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw new CliUsageException(
          "--noise: must be a folder of noise audio, found " + describe(noise));
    }
    if (noiseFiles.isEmpty()) {
      throw new CliUsageException(
          noise != null
              ? "--noise: no audio files under " + noise.toAbsolutePath()
              : "--noise: not given, and "
                  + index.root()
                  + " has no "
                  + SpeechCommandsIndexer.NOISE_FOLDER
                  + "/ folder with audio; pass --noise DIR");
    }

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "Building %s from %d clips and %d noise files...%n",
        output,
        index.clips().size(),
        noiseFiles.size());
    Map<Split, Integer> splits = index.countBySplit();
    err.printf(
        Locale.ROOT,
        "source splits: train %d, validation %d, test %d clips%n",
        splits.getOrDefault(Split.TRAIN, 0),
        splits.getOrDefault(Split.VALIDATION, 0),
        splits.getOrDefault(Split.TEST, 0));
    for (String w : index.warnings()) {
      err.println("note: " + w);
    }
    err.flush();
    CliJob job = CliJob.start(err);
    NoisyKeywordBuilder.Result r;
    try {
      r =
          new NoisyKeywordBuilder(new AudioDecoder(), threads)
              .build(index, noiseFiles, ns, output, job);
    } catch (CancelledException e) {
      err.println("error: cancelled; nothing was written to " + output);
      return WorkbenchCommand.EXIT_FAILED;
    } catch (IOException e) {
      err.println("error: " + AtomicFiles.describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    } catch (IllegalArgumentException e) {
      // The builder's own checks (source, noise, output): settings the user can change.
      List<String> named = new ArrayList<>();
      for (String p : e.getMessage().split("; ")) {
        named.add(toOptionNames(p));
      }
      throw new CliUsageException(String.join("\n  ", named));
    } finally {
      job.close();
    }
    printSummary(out, r, ns);
    for (String p : r.problems().subList(0, Math.min(20, r.problems().size()))) {
      err.println("refused " + p);
    }
    if (r.problems().size() > 20) {
      err.println(
          "... and "
              + (r.problems().size() - 20)
              + " more (all listed in "
              + r.output().resolve(NoisyKeywordBuilder.SPEC_FILE)
              + ")");
    }
    return 0;
  }

  private PrintWriter err0() {
    return spec.commandLine().getErr();
  }

  private static void printSummary(PrintWriter out, NoisyKeywordBuilder.Result r, NoisySpec ns) {
    NoisyKeywordBuilder.Stats s = r.stats();
    out.printf(Locale.ROOT, "output: %s%n", r.output());
    out.printf(
        Locale.ROOT,
        "written: %d clips of %.3f s at %d Hz%s%n",
        r.written(),
        ns.lengthSeconds(),
        ns.sampleRate(),
        ns.trainingCopies() > 1 ? " (" + ns.trainingCopies() + " copies of each training clip)" : "");
    out.printf(Locale.ROOT, "refused: %d clips, %d noise files%n", r.refused(), s.noiseRefused());
    out.printf(Locale.ROOT, "noise files used: %d%n", s.noiseFiles());
    out.printf(
        Locale.ROOT,
        "snr: asked %.2f..%.2f dB, drawn %.2f..%.2f dB (keyword active region vs noise under it)%n",
        ns.snrMinDb(),
        ns.snrMaxDb(),
        s.minSnrDb(),
        s.maxSnrDb());
    out.printf(
        Locale.ROOT,
        "keyword spans: %.3f..%.3f s, mean %.3f s%n",
        s.minSpanSeconds(),
        s.maxSpanSeconds(),
        s.meanSpanSeconds());
    out.printf(Locale.ROOT, "scaled down to avoid clipping: %d clips%n", s.scaledForHeadroom());
    out.printf(Locale.ROOT, "time: %.1f s%n", s.seconds());
    out.flush();
  }

  /** The spec's field names as the options that set them. */
  private static String toOptionNames(String problem) {
    return problem
        .replace("noisy.length:", "--length:")
        .replace("noisy.snr:", "--snr-min/--snr-max:")
        .replace("noisy.sample_rate:", "--sample-rate:")
        .replace("noisy.seed:", "--seed:")
        .replace("noisy.copies:", "--copies:")
        .replaceFirst("^output:", "--output:")
        .replaceFirst("^source:", "--source:")
        .replaceFirst("^noise:", "--noise:");
  }

  private static String describe(Path p) {
    Path abs = p.toAbsolutePath();
    return Files.exists(abs) ? "a file " + abs : abs + " (does not exist)";
  }

  /**
   * The build's context on the command line: progress to standard error about once a second, and a
   * cancel flag the shutdown hook sets on Ctrl-C, after which the hook waits for the build to
   * remove its temporary folder.
   */
}
