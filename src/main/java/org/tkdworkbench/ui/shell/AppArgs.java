package org.tkdworkbench.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the app takes on its command line: {@code --workspace DIR}, {@code --dataset DIR} and
 * {@code --pulse-log FILE}, each also as {@code --name=VALUE}. Anything else is reported in
 * {@link #problems} and ignored, so a typo shows in the status bar instead of stopping the app.
 *
 * @param workspace the workspace folder, or null for the default
 * @param dataset the dataset to open, or null for the bundled sample
 * @param problems one sentence per argument that was not understood
 * @param pulseLog where to append the FX pulse probe's report every ten seconds (the
 *     responsiveness benchmark in the README), or null for none
 */
public record AppArgs(Path workspace, Path dataset, List<String> problems, Path pulseLog) {
  /** The app's own options; with anything else on the command line the jar runs the CLI. */
  public static final List<String> OPTIONS = List.of("--workspace", "--dataset", "--pulse-log");

  public AppArgs {
    problems = List.copyOf(problems);
  }

  public AppArgs(Path workspace, Path dataset, List<String> problems) {
    this(workspace, dataset, problems, null);
  }

  /** No arguments: default workspace, bundled sample. */
  public static AppArgs none() {
    return new AppArgs(null, null, List.of());
  }

  public static AppArgs parse(List<String> args) {
    Path workspace = null;
    Path dataset = null;
    Path pulseLog = null;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (!OPTIONS.contains(name)) {
        problems.add("ignored argument " + a + " (the app takes --workspace DIR, --dataset DIR and --pulse-log FILE)");
        continue;
      }
      String value;
      if (a.contains("=")) {
        value = a.substring(a.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        problems.add(name + " needs a path after it");
        continue;
      }
      if (value.isBlank()) {
        problems.add(name + " needs a path after it");
      } else if (name.equals("--workspace")) {
        workspace = Path.of(value);
      } else if (name.equals("--dataset")) {
        dataset = Path.of(value);
      } else {
        pulseLog = Path.of(value);
      }
    }
    return new AppArgs(workspace, dataset, problems, pulseLog);
  }
}
