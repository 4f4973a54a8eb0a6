package org.tkdworkbench.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the app takes on its command line: {@code --workspace DIR} and {@code --dataset DIR}, each
 * also as {@code --name=DIR}. Anything else is reported in {@link #problems} and ignored, so a typo
 * shows in the status bar instead of stopping the app.
 *
 * @param workspace the workspace folder, or null for the default
 * @param dataset the dataset to open, or null for the bundled sample
 * @param problems one sentence per argument that was not understood
 */
public record AppArgs(Path workspace, Path dataset, List<String> problems) {
  public AppArgs {
    problems = List.copyOf(problems);
  }

  /** No arguments: default workspace, bundled sample. */
  public static AppArgs none() {
    return new AppArgs(null, null, List.of());
  }

  public static AppArgs parse(List<String> args) {
    Path workspace = null;
    Path dataset = null;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (!name.equals("--workspace") && !name.equals("--dataset")) {
        problems.add("ignored argument " + a + " (the app takes --workspace DIR and --dataset DIR)");
        continue;
      }
      String value;
      if (a.contains("=")) {
        value = a.substring(a.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        problems.add(name + " needs a folder after it");
        continue;
      }
      if (value.isBlank()) {
        problems.add(name + " needs a folder after it");
      } else if (name.equals("--workspace")) {
        workspace = Path.of(value);
      } else {
        dataset = Path.of(value);
      }
    }
    return new AppArgs(workspace, dataset, problems);
  }
}
