package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tkdworkbench.audio.AudioFiles;
import org.tkdworkbench.jobs.JobContext;

/**
 * Indexes a folder laid out like Google Speech Commands: {@code root/<label>/**\/*.wav}, with
 * {@code validation_list.txt} and {@code testing_list.txt} (paths relative to the root, {@code /}
 * separators) naming the validation and test clips; every other clip is train. A plain
 * folder-per-class tree without lists is therefore all train.
 *
 * <p>{@code _background_noise_/} holds noise sources, not a class: its files are listed apart.
 * Hidden files and folders (name starting with a dot) are skipped, and so are symbolic links that
 * lead outside the root, so an index never reaches files the user did not hand us. The indexer
 * only looks at names: it never opens or decodes audio, so it stays fast on 100k files.
 */
public final class SpeechCommandsIndexer {
  /** The Speech Commands noise folder, a source for mixing rather than a class. */
  public static final String NOISE_FOLDER = "_background_noise_";

  public static final String VALIDATION_LIST = "validation_list.txt";
  public static final String TESTING_LIST = "testing_list.txt";

  private static final int PROGRESS_EVERY = 256;

  private SpeechCommandsIndexer() {}

  /**
   * Walks {@code root} and builds its index, reporting progress to {@code ctx} and stopping with
   * {@link org.tkdworkbench.jobs.CancelledException} when it is cancelled.
   *
   * @throws NoSuchFileException when {@code root} does not exist
   * @throws NotDirectoryException when {@code root} is not a folder
   * @throws IOException when the root or a split list cannot be read
   */
  public static DatasetIndex index(Path root, JobContext ctx) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    if (!Files.exists(base)) {
      throw new NoSuchFileException(base.toString(), null, "dataset folder not found");
    }
    if (!Files.isDirectory(base)) {
      throw new NotDirectoryException(base.toString());
    }
    Walker walker = new Walker(base, base.toRealPath(), ctx);
    Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walker);

    Set<String> validation = readList(base.resolve(VALIDATION_LIST));
    Set<String> testing = readList(base.resolve(TESTING_LIST));
    Problems problems = walker.problems;

    List<Clip> clips = new ArrayList<>(walker.found.size());
    Set<String> ids = new LinkedHashSet<>();
    Set<String> labels = new TreeSet<>();
    for (Map.Entry<String, Path> e : walker.found.entrySet()) {
      String id = e.getKey();
      String label = id.substring(0, id.indexOf('/'));
      boolean test = testing.contains(id);
      boolean val = validation.contains(id);
      if (test && val) {
        problems.add("clips listed in both split lists (counted as test)", id);
      }
      Split split = test ? Split.TEST : val ? Split.VALIDATION : Split.TRAIN;
      clips.add(new Clip(id, e.getValue(), label, split));
      ids.add(id);
      labels.add(label);
    }
    clips.sort(Comparator.comparing(Clip::id));

    int unmatched = 0;
    for (String listName : List.of(VALIDATION_LIST, TESTING_LIST)) {
      for (String entry : listName.equals(VALIDATION_LIST) ? validation : testing) {
        if (!ids.contains(entry)) {
          unmatched++;
          problems.add(listName + " entries that name no clip (ignored)", entry);
        }
      }
    }
    walker.noise.sort(Comparator.naturalOrder());
    ctx.progress(clips.size(), clips.size(), "Indexed " + clips.size() + " clips");
    return new DatasetIndex(
        base, clips, walker.noise, List.copyOf(labels), unmatched, problems.sentences());
  }

  /** Reads a split list: one relative path per line; blank lines and {@code #} comments skipped. */
  static Set<String> readList(Path file) throws IOException {
    Set<String> entries = new LinkedHashSet<>();
    if (!Files.isRegularFile(file)) {
      return entries;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String entry = line.strip().replace('\\', '/');
      while (entry.startsWith("./")) {
        entry = entry.substring(2);
      }
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /**
   * True when the name ends in one of the audio extensions the decoder knows ({@link
   * AudioFiles#EXTENSIONS}, case-insensitive); the decoder decides later if the file really is.
   */
  public static boolean isAudioFile(String fileName) {
    return AudioFiles.isAudioFileName(fileName);
  }

  /** Collects clip files and noise files while walking, refusing links that leave the root. */
  private static final class Walker extends SimpleFileVisitor<Path> {
    private final Path base;
    private final Path realRoot;
    private final JobContext ctx;
    private final Map<String, Path> found = new LinkedHashMap<>();
    private final List<Path> noise = new ArrayList<>();
    private final Problems problems = new Problems();
    private long seen;

    Walker(Path base, Path realRoot, JobContext ctx) {
      this.base = base;
      this.realRoot = realRoot;
      this.ctx = ctx;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      ctx.checkCancelled();
      if (dir.equals(base)) {
        return FileVisitResult.CONTINUE;
      }
      if (isHidden(dir) || !staysInside(dir)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      ctx.checkCancelled();
      if (++seen % PROGRESS_EVERY == 0) {
        ctx.progress(seen, 0, "Indexing " + base.getFileName() + ": " + seen + " files");
      }
      String name = file.getFileName().toString();
      if (isHidden(file) || !isAudioFile(name) || !staysInside(file)) {
        return FileVisitResult.CONTINUE;
      }
      if (!attrs.isRegularFile()) {
        return FileVisitResult.CONTINUE;
      }
      Path rel = base.relativize(file);
      if (rel.getNameCount() < 2) {
        problems.add("audio files directly in the dataset folder, outside any label (ignored)", name);
      } else if (rel.getName(0).toString().equals(NOISE_FOLDER)) {
        noise.add(file);
      } else {
        found.put(toId(rel), file);
      }
      return FileVisitResult.CONTINUE;
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

    /** False for a symbolic link whose target lies outside the dataset root. */
    private boolean staysInside(Path p) {
      if (!Files.isSymbolicLink(p)) {
        return true; // its parent folders were checked on the way down
      }
      try {
        if (p.toRealPath().startsWith(realRoot)) {
          return true;
        }
        problems.add(
            "symbolic links that lead outside the dataset folder (not followed)",
            toId(base.relativize(p)));
      } catch (IOException e) {
        problems.add("broken symbolic links (skipped)", toId(base.relativize(p)));
      }
      return false;
    }

    private static boolean isHidden(Path p) {
      Path name = p.getFileName();
      return name != null && name.toString().startsWith(".");
    }

    private static String toId(Path rel) {
      StringBuilder sb = new StringBuilder();
      for (Path part : rel) {
        if (sb.length() > 0) {
          sb.append('/');
        }
        sb.append(part);
      }
      return sb.toString();
    }
  }

  /** Counts problems by kind and keeps the first example of each, so warnings stay short. */
  private static final class Problems {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();

    void add(String kind, String example) {
      counts.merge(kind, 1, Integer::sum);
      examples.putIfAbsent(kind, example);
    }

    List<String> sentences() {
      List<String> out = new ArrayList<>();
      counts.forEach((kind, n) -> out.add(n + " " + kind + ", e.g. " + examples.get(kind)));
      return out;
    }
  }
}
