package org.tkdworkbench.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the user's work lives on disk.
 *
 * <p>Resolution order: an explicit {@code --workspace DIR}, then the {@code TKD_WORKSPACE}
 * environment variable, then {@code ~/tkd-workspace}. Folders are created on first use, not on
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

  /** Resolves the workspace from an optional explicit folder and the process environment. */
  public static Workspace resolve(Path explicit) {
    return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** Resolves the workspace from an explicit folder (may be null), an environment and a home. */
  public static Workspace resolve(Path explicit, Map<String, String> env, Path home) {
    if (explicit != null) {
      return new Workspace(explicit);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Workspace(Path.of(fromEnv.trim()));
    }
    return new Workspace(home.resolve(DEFAULT_NAME));
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
