package org.tkdworkbench.audio;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@code ffmpeg} and {@code ffprobe} executables: the system property {@value #PROPERTY}
 * when set, otherwise the PATH. Never downloads anything.
 */
final class FfmpegLocator {
  /** System property naming the ffmpeg binary, for machines where it is not on the PATH. */
  static final String PROPERTY = "tkd.ffmpeg";

  private static final Logger LOG = LoggerFactory.getLogger(FfmpegLocator.class);
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private FfmpegLocator() {}

  /** ffmpeg from {@value #PROPERTY}, else from the PATH. */
  static Optional<Path> locateFfmpeg() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Optional<Path> path = executable(configured.strip());
      if (path.isEmpty()) {
        // Do not silently fall back to another ffmpeg: the user asked for this one.
        LOG.warn(
            "-D{}={} is not an executable file; formats other than WAV/AIFF are off",
            PROPERTY,
            configured);
      }
      return path;
    }
    return onPath("ffmpeg");
  }

  /** ffprobe beside {@code ffmpeg} (they ship together), else on the PATH. */
  static Optional<Path> ffprobeBeside(Path ffmpeg) {
    String name = ffmpeg.getFileName() == null ? "ffmpeg" : ffmpeg.getFileName().toString();
    String probeName = name.replace("ffmpeg", "ffprobe");
    if (!probeName.equals(name)) {
      Optional<Path> sibling = executable(ffmpeg.resolveSibling(probeName).toString());
      if (sibling.isPresent()) {
        return sibling;
      }
    }
    return onPath("ffprobe");
  }

  static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name :
          WINDOWS ? new String[] {program + ".exe", program} : new String[] {program}) {
        Optional<Path> found = executable(dir + File.separator + name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(String candidate) {
    try {
      Path path = Path.of(candidate).toAbsolutePath();
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.of(path)
          : Optional.empty();
    } catch (InvalidPathException | SecurityException e) {
      return Optional.empty();
    }
  }
}
