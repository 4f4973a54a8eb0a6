package org.tkdworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.tkdworkbench.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level command: {@code java -jar tkd-workbench.jar <command> ...}.
 *
 * <p>Exit codes: 0 success, 1 the work failed (e.g. a file could not be decoded), 2 bad usage or
 * invalid settings (picocli's own usage errors and {@link CliUsageException}).
 */
@Command(
    name = "tkd",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "TKD Workbench: temporal knowledge distillation for on-device audio classifiers.",
      "Run without arguments to open the app."
    },
    subcommands = {
      FeaturesCommand.class,
      DatasetCommand.class,
      TeacherCommand.class,
      DistillCommand.class,
      ResumeCommand.class,
      SweepCommand.class,
      RunsCommand.class,
      BenchCommand.class,
      AboutCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WorkbenchCommand implements Runnable {
  /** Exit code for usage errors and invalid settings. */
  public static final int EXIT_USAGE = 2;

  /** Exit code when the requested work failed. */
  public static final int EXIT_FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Workspace folder (default: $TKD_WORKSPACE, else the one chosen in the app's Settings, else ~/"
          + Workspace.DEFAULT_NAME + ").")
  Path workspaceDir;

  /** The workspace these options select. */
  Workspace workspace() {
    return Workspace.resolve(workspaceDir);
  }

  @Override
  public void run() {
    // No subcommand: show what exists instead of silently doing nothing.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of the commands below.");
  }

  /** Runs the CLI on the process's streams and returns the exit code. */
  public static int run(String... args) {
    return run(
        new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the CLI with the given streams (tests capture them) and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = newCommandLine(out, err);
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) { // picocli lets Errors through; a long recording can cause one
      err.println("error: out of memory (" + e.getMessage() + "); give Java more with -Xmx, e.g. java -Xmx8g -jar ...");
      code = EXIT_FAILED;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** A configured command line: usage problems exit 2, failures exit 1, no stack traces. */
  static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new WorkbenchCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof CliUsageException) {
            commandLine.getErr().println("error: " + ex.getMessage());
            commandLine.getErr().println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_USAGE;
          }
          String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
          commandLine.getErr().println("error: " + message);
          return EXIT_FAILED;
        });
    return cli;
  }
}
