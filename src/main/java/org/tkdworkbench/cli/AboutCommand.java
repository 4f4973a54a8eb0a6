package org.tkdworkbench.cli;

import org.tkdworkbench.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code about}: the diagnostics a bug report needs (the app's About box shows the same). */
@Command(
    name = "about",
    mixinStandardHelpOptions = true,
    description = "Print versions (app, Java, JavaFX, DJL, engine), the native library's folder, thread settings and the workspace: paste it into a bug report.")
final class AboutCommand implements Runnable {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin EngineOptions engineOptions;

  @Override
  public void run() {
    engineOptions.selectOrFail(); // `about --engine pytorch`: does that engine load here, and where from
    WorkbenchCommand root = (WorkbenchCommand) spec.root().userObject();
    spec.commandLine().getOut().print(Diagnostics.text(Diagnostics.collect(root.workspace().root(), null)));
    spec.commandLine().getOut().flush();
  }
}
