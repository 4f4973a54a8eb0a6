package org.tkdworkbench;

import org.tkdworkbench.cli.WorkbenchCommand;
import org.tkdworkbench.ui.AppLauncher;

/**
 * Entry point of the single jar: no arguments opens the app, anything else runs the CLI.
 *
 * <p>It deliberately does not extend {@code javafx.application.Application}: a plain-classpath jar
 * whose main class extends it fails with "JavaFX runtime components are missing".
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    RuntimeSetup.apply();
    if (args.length == 0 || isAppOnly(args)) {
      AppLauncher.launch(args);
      return;
    }
    System.exit(WorkbenchCommand.run(args));
  }

  /** The app accepts {@code --workspace DIR} and {@code --sample DIR} without a subcommand. */
  private static boolean isAppOnly(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--workspace") || a.equals("--dataset")) {
        i++;
      } else if (!(a.startsWith("--workspace=") || a.startsWith("--dataset="))) {
        return false;
      }
    }
    return true;
  }
}
