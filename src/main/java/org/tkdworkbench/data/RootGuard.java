package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Turns a file name found in metadata (a manifest row, a CSV's file name column) into a clip path,
 * or a refusal saying why it cannot be one.
 *
 * <p>Refused: absolute paths (POSIX {@code /x}, Windows {@code C:\x} or {@code \\server}) and paths
 * that leave the root by {@code ..} ({@link Refusal.Reason#OUTSIDE_ROOT}); names whose real path
 * (symbolic links resolved) lies outside the root's real path (OUTSIDE_ROOT, so a link cannot
 * smuggle in someone else's files); names of files that do not exist (MISSING); folders and other
 * non-files (BAD_METADATA); names without an audio extension (NOT_AUDIO). Backslashes are read as
 * folder separators because manifests written on Windows use them.
 */
final class RootGuard {
  private static final Pattern WINDOWS_ABSOLUTE =
      Pattern.compile("^([A-Za-z]:|[\\\\/]).*", Pattern.DOTALL);

  private final Path root;
  private final Path realRoot;

  /** A path accepted as a clip: its id, its path under the root and its real path. */
  record Resolved(String id, Path path, Path real) {}

  /** Either {@code resolved} or {@code refusal} is set. */
  record Outcome(Resolved resolved, Refusal refusal) {}

  /** {@code root} must be absolute, normalised and an existing folder. */
  RootGuard(Path root) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
  }

  Path root() {
    return root;
  }

  /**
   * Resolves {@code raw} against {@code dir} (a folder inside the root, e.g. the manifest's).
   *
   * @param where where the name was found, for the refusal's detail, e.g. "line 12 of manifest.csv"
   */
  Outcome resolve(Path dir, String raw, String where) {
    String name = raw.strip();
    if (name.isEmpty()) {
      return refuse(raw, Refusal.Reason.BAD_METADATA, "empty file name at " + where);
    }
    if (name.indexOf('\0') >= 0) {
      return refuse(
          raw, Refusal.Reason.BAD_METADATA, "file name holds a NUL character at " + where);
    }
    if (WINDOWS_ABSOLUTE.matcher(name).matches()) {
      Path abs = absoluteInside(name);
      if (abs != null) {
        return refuse(
            TreeWalk.toId(root.relativize(abs)),
            Refusal.Reason.BAD_METADATA,
            "absolute paths are not allowed (at "
                + where
                + "); write it relative to the dataset folder");
      }
      return refuse(
          name,
          Refusal.Reason.OUTSIDE_ROOT,
          "absolute path at " + where + "; paths must be relative to the dataset folder");
    }
    Path path;
    try {
      path = dir.resolve(name.replace('\\', '/')).normalize();
    } catch (InvalidPathException e) {
      return refuse(
          name,
          Refusal.Reason.BAD_METADATA,
          "not a valid path at " + where + " (" + e.getReason() + ")");
    }
    if (!path.startsWith(root) || path.equals(root)) {
      return refuse(name, Refusal.Reason.OUTSIDE_ROOT, "leaves the dataset folder at " + where);
    }
    String id = TreeWalk.toId(root.relativize(path));
    if (!SpeechCommandsIndexer.isAudioFile(path.getFileName().toString())) {
      return refuse(id, Refusal.Reason.NOT_AUDIO, "not an audio file name (extension) at " + where);
    }
    Path real;
    try {
      real = path.toRealPath();
    } catch (NoSuchFileException e) {
      boolean brokenLink = Files.isSymbolicLink(path);
      return refuse(
          id,
          Refusal.Reason.MISSING,
          (brokenLink ? "broken symbolic link" : "no such file") + ", named at " + where);
    } catch (IOException | SecurityException e) {
      return refuse(
          id,
          Refusal.Reason.UNREADABLE,
          "cannot be resolved (" + e.getMessage() + "), named at " + where);
    }
    if (!real.startsWith(realRoot)) {
      return refuse(
          id,
          Refusal.Reason.OUTSIDE_ROOT,
          "symbolic link to " + real + ", outside the dataset folder, named at " + where);
    }
    if (!Files.isRegularFile(real)) {
      return refuse(
          id,
          Refusal.Reason.BAD_METADATA,
          "names a folder or special file, not an audio file, at " + where);
    }
    return new Outcome(new Resolved(id, path, real), null);
  }

  /** {@code name} as a path inside the root when it is absolute and lies there, else null. */
  private Path absoluteInside(String name) {
    return absoluteInside(root, name);
  }

  /** {@code name} as a path inside {@code root} when it is absolute and lies there, else null. */
  static Path absoluteInside(Path root, String name) {
    try {
      Path p = Path.of(name);
      if (p.isAbsolute()) {
        Path n = p.normalize();
        Path r = root.toAbsolutePath().normalize();
        if (n.startsWith(r) && !n.equals(r)) {
          return n;
        }
      }
    } catch (InvalidPathException e) {
      // not a path on this system: outside by any measure
    }
    return null;
  }

  private static Outcome refuse(String path, Refusal.Reason reason, String detail) {
    return new Outcome(null, new Refusal(path, reason, detail));
  }
}
