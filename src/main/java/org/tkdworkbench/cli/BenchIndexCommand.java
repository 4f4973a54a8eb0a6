package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tkdworkbench.data.IndexBenchmark;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.jobs.CancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench index}: writes a tree of tiny valid WAVs in FSD50K's layout and/or folder-per-class
 * into a temporary folder (deleted afterwards), then times indexing (names and metadata) and the
 * import report (one header probe per file).
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Seconds to index a generated tree of FSD50K's size (and to probe its headers).")
final class BenchIndexCommand implements Callable<Integer> {
  @Option(
      names = "--files",
      paramLabel = "N",
      description = "Files to generate (default: ${DEFAULT-VALUE}, FSD50K's size).")
  int files = IndexBenchmark.FSD50K_FILES;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to create the temporary tree (default: the system temp folder).")
  Path dir;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "fsd50k, folders or both (default: ${DEFAULT-VALUE}).")
  String layout = "both";

  @Option(
      names = "--repeats",
      paramLabel = "N",
      description = "Timed index passes (default: ${DEFAULT-VALUE}).")
  int repeats = 3;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads for the import report; 0 skips it (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** Makes the command's job; tests swap it to play Ctrl-C. */
  static java.util.function.Function<PrintWriter, CliJob> jobs = CliJob::start;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (files < 1 || files > 2_000_000) {
      throw new CliUsageException("--files: must be in 1..2000000, found " + files);
    }
    if (repeats < 1) {
      throw new CliUsageException("--repeats: must be at least 1, found " + repeats);
    }
    if (threads < 0) {
      throw new CliUsageException("--threads: must be at least 0, found " + threads);
    }
    List<Layout> layouts =
        switch (layout.strip().toLowerCase(Locale.ROOT)) {
          case "both" -> List.of(Layout.FSD50K, Layout.FOLDERS);
          case "fsd50k" -> List.of(Layout.FSD50K);
          case "folders" -> List.of(Layout.FOLDERS);
          default ->
              throw new CliUsageException(
                  "--layout: must be fsd50k, folders or both, found '" + layout + "'");
        };
    if (dir != null && !Files.isDirectory(dir)) {
      throw new CliUsageException("--dir: must be an existing folder, found " + dir);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Ctrl-C cancels the run; the shutdown hook waits until the finally below has removed the
    // temporary tree (51k files left in /tmp otherwise).
    try (CliJob job = jobs.apply(err)) {
      for (Layout l : layouts) {
        Path tmp =
            dir == null
                ? Files.createTempDirectory("tkd-bench-index-")
                : Files.createTempDirectory(dir, "tkd-bench-index-");
        try {
          IndexBenchmark.Result r = IndexBenchmark.run(l, tmp, files, repeats, threads, job);
          job.clearLine();
          print(out, r, tmp);
        } finally {
          IndexBenchmark.deleteTree(tmp);
        }
      }
    } catch (CancelledException e) {
      err.println("cancelled; the generated tree was removed");
      return WorkbenchCommand.EXIT_FAILED;
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, IndexBenchmark.Result r, Path where) {
    out.printf(
        Locale.ROOT,
        "%s: generated %d tiny WAVs in %.1f s under %s (deleted afterwards)%n",
        r.layout().cliName(),
        r.files(),
        r.generateSeconds(),
        where);
    out.printf(
        Locale.ROOT,
        "  index (names + metadata, warm cache): %s s, best %.2f s; %d clips, %d refused%n",
        r.indexSeconds().stream()
            .map(s -> String.format(Locale.ROOT, "%.2f", s))
            .collect(Collectors.joining(", ")),
        r.bestIndexSeconds(),
        r.clips(),
        r.refused());
    if (!Double.isNaN(r.reportSeconds())) {
      out.printf(
          Locale.ROOT,
          "  import report (header probe), %d thread%s: %.2f s (%.0f files/s)%n",
          r.threads(),
          r.threads() == 1 ? "" : "s",
          r.reportSeconds(),
          r.clips() / r.reportSeconds());
    }
  }
}
