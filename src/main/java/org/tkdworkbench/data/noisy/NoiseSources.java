package org.tkdworkbench.data.noisy;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.tkdworkbench.data.SpeechCommandsIndexer;

/**
 * Finds noise for a build in any folder of audio (a dataset's own noise is {@link
 * org.tkdworkbench.data.DatasetIndex#noiseFiles()}).
 */
public final class NoiseSources {
  private NoiseSources() {}

  /**
   * Every audio file (by extension, {@link SpeechCommandsIndexer#isAudioFile}) under {@code dir},
   * at any depth, sorted by path. Hidden files and folders are skipped; unreadable subfolders are
   * skipped too (the decoder reports unreadable files later, one by one).
   *
   * @throws NoSuchFileException when {@code dir} does not exist
   * @throws NotDirectoryException when it is not a folder
   */
  public static List<Path> find(Path dir) throws IOException {
    Path base = dir.toAbsolutePath().normalize();
    if (!Files.exists(base)) {
      throw new NoSuchFileException(base.toString(), null, "noise folder not found");
    }
    if (!Files.isDirectory(base)) {
      throw new NotDirectoryException(base.toString());
    }
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        base,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            return !d.equals(base) && hidden(d)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()
                && !hidden(f)
                && SpeechCommandsIndexer.isAudioFile(f.getFileName().toString())) {
              found.add(f);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(Comparator.comparing(Path::toString));
    return found;
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
