package org.tkdworkbench.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the user's work lives on disk.
 *
 * <p>Resolution order: an explicit {@code --workspace DIR}, then the {@code TKD_WORKSPACE}
 * environment variable, then the folder chosen in the app's settings ({@link AppSettings}), then
 * {@code ~/tkd-workspace}. Folders are created on first use, not on
 * resolution, so asking where the workspace is never writes anything.
 */
public record Workspace(Path root) {
  /** Environment variable that moves the workspace. */
  public static final String ENV = "TKD_WORKSPACE";

  /** Default folder name in the user's home. */
  public static final String DEFAULT_NAME = "tkd-workspace";

  public Workspace {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * Resolves the workspace from an optional explicit folder, the process environment and the
   * app's settings file.
   */
  public static Workspace resolve(Path explicit) {
    // Only read when it could matter: the settings file is the third choice.
    String fromSettings = explicit != null || System.getenv(ENV) != null
        ? null
        : AppSettings.load(AppSettings.defaultFile()).settings().workspace();
    return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")), fromSettings);
  }

  /** Resolves the workspace from an explicit folder (may be null), an environment and a home. */
  public static Workspace resolve(Path explicit, Map<String, String> env, Path home) {
    return resolve(explicit, env, home, null);
  }

  /**
   * Resolves the workspace from an explicit folder, an environment, a home and the folder saved in
   * the app's settings (null when none).
   */
  public static Workspace resolve(Path explicit, Map<String, String> env, Path home, String fromSettings) {
    if (explicit != null) {
      return new Workspace(explicit);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Workspace(Path.of(fromEnv.trim()));
    }
    if (fromSettings != null && !fromSettings.isBlank()) {
      return new Workspace(Path.of(fromSettings.trim()));
    }
    return new Workspace(defaultRoot(home));
  }

  /** The workspace folder when nothing chooses another: {@code <home>/tkd-workspace}. */
  public static Path defaultRoot(Path home) {
    return home.resolve(DEFAULT_NAME);
  }

  /** Where the app's log files go ({@link LogFiles}). */
  public Path logs() {
    return root.resolve("logs");
  }

  /** The on-disk feature cache folder. */
  public Path featureCache() {
    return root.resolve("cache").resolve("features");
  }

  /** Trained teachers, one folder each ({@code spec.json}, parameters, metrics). */
  public Path teachers() {
    return root.resolve("teachers");
  }

  /** Distillation runs, one folder each (see {@code org.tkdworkbench.runs.RunStore}). */
  public Path runs() {
    return root.resolve("runs");
  }

  /** Cached teacher knowledge (logits and attention curves per clip). */
  public Path knowledgeCache() {
    return root.resolve("cache").resolve("knowledge");
  }

  /** Creates {@code dir} (inside the workspace or not) and returns it. */
  public static Path ensure(Path dir) throws IOException {
    return Files.createDirectories(dir);
  }
}
