package org.tkdworkbench.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so readers see either the old content or the complete new one, never a half-written
 * file: write a temporary file in the same folder, then rename it over the target.
 *
 * <p>The temporary file is created with the process's umask (not {@code Files.createTempFile}'s
 * owner-only mode) and takes over an existing target's permissions, so replacing a shared file on a
 * lab server does not make it private.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes a file's content to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Replaces {@code target} with what {@code content} writes; on failure the target is untouched. */
  public static void write(Path target, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = tempSibling(abs);
    try {
      try (OutputStream out =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      copyPermissions(abs, tmp);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Replaces {@code target} with {@code bytes}. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * A reason a user understands for a failed file operation. NIO's messages are often only the
   * path (e.g. {@code NoSuchFileException: /a/b}), which does not say what went wrong.
   */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied (" + a.getFile() + ")";
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or folder (" + n.getFile() + ")";
    }
    if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + " is in the way (a file where a folder is needed, or the reverse)";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + f.getFile() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Path tempSibling(Path abs) {
    String name = "." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    return abs.resolveSibling(name);
  }

  private static void copyPermissions(Path from, Path to) {
    try {
      if (Files.exists(from)) {
        Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not POSIX (Windows) or not ours to change: the default permissions are fine.
    }
  }
}
