package org.tkdworkbench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a bug report needs to say about this installation, as ordered name → value lines: the app,
 * Java, JavaFX, DJL and its engine, the native library's folder, the thread settings, the
 * workspace and the log file. The About box and {@code tkd about} show the same text.
 *
 * <p>{@link #collect} starts the model engine to ask its version (a few seconds the first time on
 * a machine, while the native library is unpacked): call it off the UI thread.
 */
public final class Diagnostics {
  private Diagnostics() {}

  /**
   * @param workspace the workspace folder in use
   * @param logFile the app's log file, or null when there is none (the CLI)
   */
  public static Map<String, String> collect(Path workspace, Path logFile) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("TKD Workbench", BuildInfo.version());
    m.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
        + System.getProperty("java.home"));
    m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    String fx = System.getProperty("javafx.runtime.version");
    m.put("JavaFX", fx != null ? fx + " (running)" : BuildInfo.javafxVersion() + " (built against; not started)");
    m.put("DJL", BuildInfo.djlVersion());
    engine(m);
    m.put("Threads", Runtime.getRuntime().availableProcessors() + " cores; OMP_NUM_THREADS="
        + env("OMP_NUM_THREADS") + ", MXNET_ENGINE_TYPE=" + env("MXNET_ENGINE_TYPE"));
    m.put("Memory", String.format(Locale.ROOT, "max heap %.0f MB", Runtime.getRuntime().maxMemory() / 1e6));
    m.put("Offline", "ai.djl.offline=" + System.getProperty("ai.djl.offline"));
    m.put("Workspace", workspace == null ? "(none)" : workspace.toAbsolutePath().toString());
    m.put("Log file", logFile == null ? "(none: command line)" : logFile.toAbsolutePath().toString());
    return m;
  }

  private static void engine(Map<String, String> m) {
    String name = org.tkdworkbench.models.Engines.current();
    m.put("Engines in this build", String.join(", ", org.tkdworkbench.models.Engines.available()));
    try {
      ai.djl.engine.Engine e = org.tkdworkbench.models.Engines.engine(name);
      m.put("Engine", e.getEngineName() + " " + e.getVersion() + " (new runs and teachers), device "
          + org.tkdworkbench.models.Engines.currentDevice());
      m.put("Native library", nativeFolder(ai.djl.util.Utils.getEngineCacheDir(e.getEngineName().toLowerCase(Locale.ROOT))));
    } catch (RuntimeException | LinkageError e) {
      m.put("Engine", name + " not available: " + e.getMessage());
    }
  }

  private static String env(String name) {
    String v = RuntimeSetup.nativeEnv(name);
    return v == null ? "(unset)" : v;
  }

  /** The engine's cache folder and, inside it, the folder its native library was unpacked to. */
  private static String nativeFolder(Path cache) {
    try (var dirs = java.nio.file.Files.list(cache)) {
      return dirs.filter(java.nio.file.Files::isDirectory)
          .max(java.util.Comparator.comparing(d -> d.toFile().lastModified()))
          .map(Path::toString)
          .orElse(cache + " (not unpacked yet)");
    } catch (java.io.IOException e) {
      return cache + " (not unpacked yet)";
    }
  }

  /** The lines as text, one {@code name: value} per line (what "Copy" puts on the clipboard). */
  public static String text(Map<String, String> lines) {
    StringBuilder b = new StringBuilder();
    lines.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
    return b.toString();
  }
}
