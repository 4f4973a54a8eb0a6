package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tkdworkbench.jobs.JobContext;

/**
 * Google Speech Commands v1 and v2 (they differ only in their words): {@code root/<word>/*.wav},
 * {@code validation_list.txt} and {@code testing_list.txt} name the validation and test clips by
 * path relative to the root; every other clip is train; {@code _background_noise_/} holds noise
 * sources, not a class. Without lists the tree is all train.
 *
 * <p>List entries that name no clip are refused as MISSING (as OUTSIDE_ROOT when they leave the
 * root, as BAD_METADATA saying what the file is when it exists but is not a clip: noise, hidden,
 * not audio) and summarised in one warning per list; an entry naming a file refused already (a link
 * out, a duplicate) is not refused again. A clip in both lists counts as test, with a warning.
 *
 * <p>With {@link LayoutOptions#folds()} the lists are not read: the splits are {@link
 * SpeakerFolds speaker folds}.
 */
final class SpeechCommandsReader implements LayoutReader {
  @Override
  public DatasetIndex read(Path root, LayoutOptions options, JobContext ctx) throws IOException {
    TreeWalk walk = TreeWalk.walk(root, ctx);
    Problems problems = walk.problems;
    boolean folds = options.folds() != null;
    Map<String, Integer> validation =
        folds ? Map.of() : readList(root, SpeechCommandsIndexer.VALIDATION_LIST, problems);
    Map<String, Integer> testing =
        folds ? Map.of() : readList(root, SpeechCommandsIndexer.TESTING_LIST, problems);
    Function<String, Split> splitOf =
        folds
            ? foldSplits(root, walk, options, problems)
            : id -> {
              boolean test = testing.containsKey(id);
              boolean val = validation.containsKey(id);
              if (test && val) {
                problems.add("clips listed in both split lists (counted as test)", id);
              }
              return test ? Split.TEST : val ? Split.VALIDATION : Split.TRAIN;
            };
    IndexBuilder b = new IndexBuilder(root, Layout.SPEECH_COMMANDS, options, problems);
    b.refuseAll(walk.refused);
    b.noise(walk.noise);
    for (Map.Entry<String, Path> e : walk.inAddOrder()) {
      String id = e.getKey();
      int slash = id.indexOf('/');
      if (slash < 0) {
        problems.add("audio files directly in the dataset folder, outside any label (ignored)", id);
        continue;
      }
      b.add(
          new Clip(id, e.getValue(), id.substring(0, slash), splitOf.apply(id)),
          walk.real.get(id),
          "the folder tree");
    }
    for (String listName :
        List.of(SpeechCommandsIndexer.VALIDATION_LIST, SpeechCommandsIndexer.TESTING_LIST)) {
      Map<String, Integer> entries =
          listName.equals(SpeechCommandsIndexer.VALIDATION_LIST) ? validation : testing;
      for (Map.Entry<String, Integer> entry : entries.entrySet()) {
        String id = entry.getKey();
        if (b.contains(id) || b.isRefused(id)) {
          continue; // a clip, or a file refused already with its own reason
        }
        String where = "line " + entry.getValue() + " of " + listName;
        String notAClip = leavesRoot(id) ? null : notAClip(root, id);
        if (leavesRoot(id)) {
          b.refuse(id, Refusal.Reason.OUTSIDE_ROOT, "leaves the dataset folder, " + where);
        } else if (notAClip != null) {
          b.refuse(
              id,
              Refusal.Reason.BAD_METADATA,
              "named in " + listName + " (" + where + "), but it is " + notAClip);
        } else {
          b.refuse(
              id,
              Refusal.Reason.MISSING,
              "named in " + listName + " (" + where + "), no such clip");
        }
        problems.add(listName + " entries that name no clip (ignored)", id);
      }
    }
    DatasetIndex index = b.build();
    ctx.progress(
        index.clips().size(), index.clips().size(), "Indexed " + index.clips().size() + " clips");
    return index;
  }

  /**
   * The split of each clip id by {@link SpeakerFolds}: the test fold, the validation fold, the rest
   * train. The split lists are not read (a note says so when they exist), and a note says when the
   * test or validation fold has no speakers.
   */
  private static Function<String, Split> foldSplits(
      Path root, TreeWalk walk, LayoutOptions options, Problems problems) {
    int folds = options.folds();
    int testFold = options.testFold();
    int validationFold = options.speakerValidationFold();
    List<String> lists = new ArrayList<>();
    for (String list :
        List.of(SpeechCommandsIndexer.VALIDATION_LIST, SpeechCommandsIndexer.TESTING_LIST)) {
      if (Files.exists(root.resolve(list))) {
        lists.add(list);
      }
    }
    if (!lists.isEmpty()) {
      problems.note(
          String.join(" and ", lists)
              + (lists.size() == 1 ? " is" : " are")
              + " not used: the splits are speaker folds ("
              + folds
              + " folds, test fold "
              + testFold
              + ", validation fold "
              + validationFold
              + ").");
    }
    Set<String> speakers = new HashSet<>();
    for (Map.Entry<String, Path> e : walk.inAddOrder()) {
      String id = e.getKey();
      if (id.indexOf('/') >= 0) { // clips outside a label folder are ignored
        speakers.add(SpeakerFolds.speaker(id));
      }
    }
    Map<String, Integer> foldOf = SpeakerFolds.assign(speakers, folds);
    for (int f : new int[] {testFold, validationFold}) {
      if (!speakers.isEmpty() && !foldOf.containsValue(f)) {
        problems.note(
            "Fold "
                + f
                + " has no speakers ("
                + speakers.size()
                + " speakers in "
                + folds
                + " folds), so the "
                + (f == testFold ? "test" : "validation")
                + " split is empty.");
      }
    }
    return id -> {
      int fold = foldOf.get(SpeakerFolds.speaker(id));
      return fold == testFold ? Split.TEST : fold == validationFold ? Split.VALIDATION : Split.TRAIN;
    };
  }

  /**
   * What an existing file a split list names is when it is not a clip (noise, hidden, not audio,
   * outside any label), or null when there is no such file.
   */
  private static String notAClip(Path root, String id) {
    Path p;
    try {
      p = root.resolve(id);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    if (!Files.exists(p)) {
      return null;
    }
    if (Files.isDirectory(p)) {
      return "a folder, not a clip";
    }
    if (id.startsWith(SpeechCommandsIndexer.NOISE_FOLDER + "/")) {
      return "a noise file of " + SpeechCommandsIndexer.NOISE_FOLDER + "/, not a clip";
    }
    for (String seg : id.split("/")) {
      if (seg.startsWith(".")) {
        return "hidden (a name starting with '.'), so not indexed";
      }
    }
    if (!SpeechCommandsIndexer.isAudioFile(p.getFileName().toString())) {
      return "not an audio file by its extension";
    }
    if (id.indexOf('/') < 0) {
      return "directly in the dataset folder, outside any label folder";
    }
    return "not indexed (see the warnings)";
  }

  private static boolean leavesRoot(String id) {
    return id.startsWith("/") || id.equals("..") || id.startsWith("../") || id.contains("/../");
  }

  /**
   * Reads a split list: one relative path per line; blank lines and {@code #} comments skipped.
   * Returns entry → line number, in file order; an entry listed again is a problem (the first
   * counts). An absolute path inside the dataset folder is read as the relative one it names (a
   * script that wrote absolute paths still gets its split), with a warning.
   */
  static Map<String, Integer> readList(Path root, String name, Problems problems) throws IOException {
    Path file = root.resolve(name);
    Map<String, Integer> entries = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return entries;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IOException(file + ": not UTF-8 text, so not a Speech Commands split list", e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String entry = lines.get(i).strip().replace('\\', '/');
      while (entry.startsWith("./")) {
        entry = entry.substring(2);
      }
      Path inside = entry.isEmpty() ? null : RootGuard.absoluteInside(root, entry);
      if (inside != null) {
        problems.add(name + " entries written as absolute paths inside the dataset folder (read as relative)",
            entry + " (line " + (i + 1) + ")");
        entry = TreeWalk.toId(root.toAbsolutePath().normalize().relativize(inside));
      }
      if (!entry.isEmpty() && !entry.startsWith("#") && entries.putIfAbsent(entry, i + 1) != null) {
        problems.add(file.getFileName() + " entries listed more than once (the first line counts)",
            entry + " (lines " + entries.get(entry) + " and " + (i + 1) + ")");
      }
    }
    return entries;
  }
}
