package org.tkdworkbench.runs;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Folder publishing by rename. A folder is written under a hidden temporary name ({@code
 * .NAME.tmp-HEX}) beside its target and renamed into place, so the target name only ever shows a
 * complete folder. What a crash leaves behind is hidden, ignored by readers and removed by {@link
 * #cleanTemps} when a writer opens the run again.
 */
final class Folders {
  private Folders() {}

  /** A new empty hidden temporary folder beside {@code target}. */
  static Path tempFor(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createDirectory(dir.resolve("." + target.getFileName() + ".tmp-" + hex()));
  }

  /**
   * Renames {@code tmp} to {@code target}. An existing target (an epoch written again after a
   * resume, a second export) is first renamed aside and deleted after, so a crash in between leaves
   * the old or the new folder under a hidden name, never a mixture under the real one.
   */
  static void publish(Path tmp, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + ".old-" + hex());
      move(target, old);
    }
    move(tmp, target);
    if (old != null) {
      deleteRecursively(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes hidden leftovers ({@code .x.tmp-*}, {@code .x.old-*}, {@code .x.NNN.tmp}) in dir. */
  static void cleanTemps(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*")) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        if (n.contains(".tmp-") || n.contains(".old-") || n.endsWith(".tmp")) {
          deleteRecursively(p);
        }
      }
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
            if (exc instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw exc;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static String hex() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }
}
