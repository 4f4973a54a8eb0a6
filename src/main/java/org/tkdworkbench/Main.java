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
      try {
        AppLauncher.launch(args);
      } catch (RuntimeException e) { // e.g. no display: say so instead of a stack trace
        System.err.println("error: cannot open the app window: " + e.getMessage());
        System.err.println("The command line works without a display: run with --help.");
        System.exit(1);
      }
      return;
    }
    System.exit(WorkbenchCommand.run(args));
  }

  /**
   * True when the arguments are only the app's own options ({@link
   * org.tkdworkbench.ui.shell.AppArgs#OPTIONS}, each with its value); anything else (including an option missing its value) goes to the CLI, which
   * explains the problem.
   */
  static boolean isAppOnly(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (!org.tkdworkbench.ui.shell.AppArgs.OPTIONS.contains(name)) {
        return false;
      }
      if (!a.contains("=")) {
        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
