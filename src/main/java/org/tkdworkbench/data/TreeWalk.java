package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tkdworkbench.jobs.JobContext;

/**
 * The walk shared by the folder layouts (folder-per-class, Speech Commands): every audio file below
 * the root by name, never opened.
 *
 * <p>Hidden files and folders (name starting with a dot) are skipped silently, and so are files
 * whose extension is not audio. Symbolic links are followed only while they stay inside the root
 * (resolved to real paths): a link leading out is refused as {@link Refusal.Reason#OUTSIDE_ROOT},
 * so an index never reaches files the user did not hand us. A link inside the root gives a second
 * name to a file the walk also reaches directly; {@link #real} lets readers refuse it as a
 * duplicate (see {@link #inAddOrder}). Files of {@code _background_noise_/} at the top are noise
 * sources, not clips.
 */
final class TreeWalk {
  private static final int PROGRESS_EVERY = 256;

  /** Audio files by id (relative path with {@code /}), sorted; includes files at the root. */
  final TreeMap<String, Path> files = new TreeMap<>();

  /**
   * Each audio file's real path (links resolved) by id, so readers can catch one file reached under
   * two names (a symbolic link to a file or folder inside the root): the same audio imported twice
   * would leak between train and test.
   */
  final Map<String, Path> real = new HashMap<>();

  /** Real path of each folder entered, by its path in the walk. */
  private final Map<Path, Path> realDirs = new HashMap<>();

  /** Files of the top-level noise folder, in walk order. */
  final List<Path> noise = new ArrayList<>();

  final List<Refusal> refused = new ArrayList<>();
  final Problems problems = new Problems();

  private final Path base;
  private final Path realRoot;
  private final JobContext ctx;
  private long seen;

  private TreeWalk(Path base, Path realRoot, JobContext ctx) {
    this.base = base;
    this.realRoot = realRoot;
    this.ctx = ctx;
  }

  /** Walks {@code base} (absolute, normalised, an existing folder). */
  static TreeWalk walk(Path base, JobContext ctx) throws IOException {
    TreeWalk w = new TreeWalk(base, base.toRealPath(), ctx);
    Files.walkFileTree(
        base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, w.new Visitor());
    w.noise.sort(null);
    ctx.progress(w.seen, w.seen, "Indexed " + base.getFileName() + ": " + w.seen + " files");
    return w;
  }

  /**
   * The files in the order readers should add them: ids reached without a symbolic link first, so
   * when a link makes a second name for a file, the name through the link is the duplicate.
   */
  List<Map.Entry<String, Path>> inAddOrder() {
    List<Map.Entry<String, Path>> direct = new ArrayList<>();
    List<Map.Entry<String, Path>> linked = new ArrayList<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      Path r = real.get(e.getKey());
      (r == null || r.equals(realRoot.resolve(e.getKey())) ? direct : linked).add(e);
    }
    direct.addAll(linked);
    return direct;
  }

  /** {@code rel} with {@code /} separators: the id of a clip. */
  static String toId(Path rel) {
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private final class Visitor extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      ctx.checkCancelled();
      if (dir.equals(base)) {
        realDirs.put(dir, realRoot);
        return FileVisitResult.CONTINUE;
      }
      if (isHidden(dir) || !staysInside(dir)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      realDirs.put(dir, realOf(dir));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      ctx.checkCancelled();
      if (++seen % PROGRESS_EVERY == 0) {
        ctx.progress(seen, 0, "Indexing " + base.getFileName() + ": " + seen + " files");
      }
      String name = file.getFileName().toString();
      if (attrs.isSymbolicLink() && !isHidden(file)) {
        // With FOLLOW_LINKS, a link reaches here with its own attributes only when its target
        // cannot be read: a broken link. Said, not skipped silently.
        problems.add("broken symbolic links (skipped)", toId(base.relativize(file)));
        return FileVisitResult.CONTINUE;
      }
      if (isHidden(file) || !SpeechCommandsIndexer.isAudioFile(name) || !attrs.isRegularFile()) {
        return FileVisitResult.CONTINUE;
      }
      if (!staysInside(file)) {
        return FileVisitResult.CONTINUE;
      }
      Path rel = base.relativize(file);
      if (rel.getNameCount() > 1
          && rel.getName(0).toString().equals(SpeechCommandsIndexer.NOISE_FOLDER)) {
        noise.add(file);
      } else {
        String id = toId(rel);
        files.put(id, file);
        real.put(id, realOf(file));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
      realDirs.remove(dir);
      return super.postVisitDirectory(dir, e);
    }

    /**
     * The real path of {@code p}: resolved by the file system for a link, else its parent's real
     * path and its name (one map look-up, not a {@code realpath} per file on large trees).
     */
    private Path realOf(Path p) {
      Path parent = realDirs.get(p.getParent());
      if (parent != null && !Files.isSymbolicLink(p)) {
        return parent.resolve(p.getFileName().toString());
      }
      try {
        return p.toRealPath();
      } catch (IOException e) {
        return p.toAbsolutePath().normalize();
      }
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      ctx.checkCancelled();
      String rel = toId(base.relativize(file));
      if (e instanceof FileSystemLoopException) {
        problems.add("folder links that loop back (skipped)", rel);
      } else if (Files.isSymbolicLink(file)) {
        problems.add("broken symbolic links (skipped)", rel);
      } else {
        problems.add("files or folders that could not be read (skipped)", rel + ": " + e);
      }
      return FileVisitResult.CONTINUE;
    }

    /** False (and refused) for a symbolic link whose target lies outside the dataset root. */
    private boolean staysInside(Path p) {
      if (!Files.isSymbolicLink(p)) {
        return true; // its parent folders were checked on the way down
      }
      String rel = toId(base.relativize(p));
      try {
        Path real = p.toRealPath();
        if (real.startsWith(realRoot)) {
          return true;
        }
        problems.add("symbolic links that lead outside the dataset folder (not followed)", rel);
        refused.add(
            new Refusal(
                rel,
                Refusal.Reason.OUTSIDE_ROOT,
                "symbolic link to " + real + ", outside the dataset folder"));
      } catch (IOException e) {
        problems.add("broken symbolic links (skipped)", rel);
      }
      return false;
    }
  }
}
