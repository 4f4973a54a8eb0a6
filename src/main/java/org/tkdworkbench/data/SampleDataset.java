package org.tkdworkbench.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Finds the small dataset bundled with the product ({@code sample-audio/}), so the app and the
 * CLI can open something real on a fresh machine.
 *
 * <p>Looked for, in order: the folder named by the system property {@value #PROPERTY}; {@code
 * ./sample-audio} in the working directory; {@code sample-audio} beside the jar or class folder or
 * up to three folders above it (covers {@code target/classes}, {@code target/tkd-workbench.jar}
 * and an installed app image's {@code lib/} folder).
 */
public final class SampleDataset {
  /** System property that points at the sample folder explicitly. */
  public static final String PROPERTY = "tkd.sample.dir";

  /** The bundled folder's name. */
  public static final String FOLDER = "sample-audio";

  private static final int LEVELS_UP = 3;

  private SampleDataset() {}

  /** The bundled sample folder, if it can be found from this process. */
  public static Optional<Path> locate() {
    return locate(System.getProperty(PROPERTY), Path.of(""), codeLocation());
  }

  /**
   * The sample folder found from an explicit setting (may be null), a working directory and the
   * location of the code (a jar file or class folder; may be null).
   */
  public static Optional<Path> locate(String property, Path workingDir, Path codeLocation) {
    if (property != null && !property.isBlank()) {
      Path p = Path.of(property.trim());
      if (Files.isDirectory(p)) {
        return Optional.of(p.toAbsolutePath().normalize());
      }
    }
    Path inCwd = workingDir.resolve(FOLDER);
    if (Files.isDirectory(inCwd)) {
      return Optional.of(inCwd.toAbsolutePath().normalize());
    }
    if (codeLocation != null) {
      Path dir = Files.isDirectory(codeLocation) ? codeLocation : codeLocation.getParent();
      for (int i = 0; dir != null && i <= LEVELS_UP; i++, dir = dir.getParent()) {
        Path candidate = dir.resolve(FOLDER);
        if (Files.isDirectory(candidate)) {
          return Optional.of(candidate.toAbsolutePath().normalize());
        }
      }
    }
    return Optional.empty();
  }

  /** The name the bundled sample is registered under in a workspace. */
  public static final String REGISTERED_NAME = "Sample (bundled)";

  /**
   * Registers the bundled sample in the workspace's dataset list unless a dataset with the same
   * folder is already there (the first start of a new workspace), so it is in the Datasets
   * section like any imported dataset.
   *
   * @param index the sample as indexed (its root is the folder registered)
   * @return the new entry, or empty when the folder was registered already
   */
  public static Optional<RegisteredDataset> registerIfAbsent(DatasetRegistry registry, DatasetIndex index)
      throws java.io.IOException {
    String root = index.root().toAbsolutePath().normalize().toString();
    if (registry.list().stream().anyMatch(d -> d.root().equals(root))) {
      return Optional.empty();
    }
    return Optional.of(registry.register(RegisteredDataset.of(
        REGISTERED_NAME, index, org.tkdworkbench.features.FeatureSpec.defaults(), DatasetRegistry.fingerprint(index))));
  }

  private static Path codeLocation() {
    try {
      CodeSource source = SampleDataset.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null; // an exotic class loader: the other two places still work
    }
  }
}
