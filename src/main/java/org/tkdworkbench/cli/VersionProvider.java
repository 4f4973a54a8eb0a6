package org.tkdworkbench.cli;

import org.tkdworkbench.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the app, DJL and Java versions, for bug reports. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "TKD Workbench " + BuildInfo.version(),
      "DJL " + BuildInfo.djlVersion() + " (MXNet engine), JavaFX " + BuildInfo.javafxVersion(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
