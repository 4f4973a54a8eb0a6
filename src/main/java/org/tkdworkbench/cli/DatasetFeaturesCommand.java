package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.features.DatasetFeatures;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.CancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dataset features DIR}: decodes every clip of a dataset and stores its log-mel features in
 * the workspace's feature cache, in parallel, with progress; Ctrl-C cancels (entries already cached
 * stay valid). A second run only hashes files and reads the cache. The dataset is chosen as in
 * {@code dataset inspect} ({@link DatasetSourceOptions}).
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = "Extract and cache the log-mel features of every clip of a dataset.")
final class DatasetFeaturesCommand implements Callable<Integer> {
  @Mixin DatasetSourceOptions source;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Decoding threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin FeatureOptions featureOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    FeatureSpec fs = featureOptions.toSpec();
    if (threads < 1) {
      throw new CliUsageException("--threads: must be at least 1, found " + threads);
    }
    source.requireValid();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    source.noteIgnored(err);
    Path cacheDir = ((WorkbenchCommand) spec.root().userObject()).workspace().featureCache();
    try (CliJob job = CliJob.start(err)) {
      DatasetIndex index;
      try {
        index = source.index(job);
      } catch (IOException e) {
        job.clearLine();
        err.println(
            "error: cannot read " + source.folder() + ": " + DatasetSourceOptions.describe(e));
        return WorkbenchCommand.EXIT_FAILED;
      }
      List<Path> files = index.clips().stream().map(Clip::path).toList();
      job.clearLine();
      err.printf(
          Locale.ROOT, "Extracting features of %d clips into %s...%n", files.size(), cacheDir);
      DatasetFeatures.Result r =
          new DatasetFeatures(new FeatureCache(cacheDir), new AudioDecoder(), threads)
              .extract(files, fs, job);
      job.clearLine();
      out.printf(
          Locale.ROOT,
          "%s: %d clips, %d extracted (%d decoded, %d from the cache), %d failed, %.1f s (%.0f"
              + " clips/s)%n",
          index.root(),
          r.files(),
          r.extracted(),
          r.decoded(),
          r.cacheHits(),
          r.failures().size(),
          r.seconds(),
          r.files() / Math.max(1e-9, r.seconds()));
      r.failures().stream()
          .limit(20)
          .forEach(f -> err.println("failed " + f.file() + ": " + f.reason()));
      if (r.failures().size() > 20) {
        err.println("... and " + (r.failures().size() - 20) + " more");
      }
      return 0;
    } catch (CancelledException e) {
      err.println("cancelled; features already cached are kept");
      return WorkbenchCommand.EXIT_FAILED;
    }
  }
}
