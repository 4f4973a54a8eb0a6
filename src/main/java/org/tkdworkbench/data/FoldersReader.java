package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tkdworkbench.jobs.JobContext;

/**
 * Folder-per-class: {@code root/<label>/**} (any depth below the label folder); every clip is
 * train.
 *
 * <p>Split folders: when every top-level folder (hidden ones and {@code _background_noise_} aside)
 * is named like a split &mdash; {@code train}/{@code training}, {@code val}/{@code valid}/{@code
 * validation}/{@code dev}, {@code test}/{@code testing}/{@code eval}, any case (see {@link
 * Split#fromName}) &mdash; and at least one of them holds a sub-folder, the tree is read as {@code
 * root/<split>/<label>/**}, the common layout of datasets exported from training scripts (e.g.
 * {@code train/dog/1.wav}, {@code valid/dog/7.wav}). A class named "test" in a plain tree would
 * only be misread if every class were named like a split. Audio directly inside a split folder has
 * no label and is left out with a warning.
 */
final class FoldersReader implements LayoutReader {
  @Override
  public DatasetIndex read(Path root, LayoutOptions options, JobContext ctx) throws IOException {
    boolean splitFolders = hasSplitFolders(root);
    TreeWalk walk = TreeWalk.walk(root, ctx);
    Problems problems = walk.problems;
    if (splitFolders) {
      problems.note(
          "The top-level folders are read as splits ("
              + String.join(", ", topFolders(root))
              + "), the folders inside them as labels.");
    }
    IndexBuilder b = new IndexBuilder(root, Layout.FOLDERS, options, problems);
    b.refuseAll(walk.refused);
    b.noise(walk.noise);
    int train = 0;
    for (Map.Entry<String, Path> e : walk.inAddOrder()) {
      String id = e.getKey();
      String[] parts = id.split("/");
      if (parts.length < 2) {
        problems.add("audio files directly in the dataset folder, outside any label (ignored)", id);
      } else if (!splitFolders) {
        b.add(
            new Clip(id, e.getValue(), parts[0], Split.TRAIN),
            walk.real.get(id),
            "the folder tree");
      } else if (parts.length < 3) {
        problems.add("audio files directly in a split folder, outside any label (ignored)", id);
      } else {
        Split split = Split.fromName(parts[0]).orElseThrow(); // hasSplitFolders checked every name
        if (b.add(new Clip(id, e.getValue(), parts[1], split), walk.real.get(id), "the folder tree")
            && split == Split.TRAIN) {
          train++;
        }
      }
    }
    if (splitFolders && train == 0 && b.size() > 0) {
      problems.note(
          "No clip is in the train split: the split folders ("
              + String.join(", ", topFolders(root))
              + ") were read as "
              + splitNames(root)
              + ". In DCASE-style trees dev/ is the development (training) set, but it is read as"
              + " validation here; rename the training folder to train/, or describe the splits in"
              + " a manifest (path,label,split) and choose --layout manifest.");
    }
    DatasetIndex index = b.build();
    ctx.progress(
        index.clips().size(), index.clips().size(), "Indexed " + index.clips().size() + " clips");
    return index;
  }

  /** True when the tree is {@code root/<split>/<label>/...}: see the class comment. */
  static boolean hasSplitFolders(Path root) throws IOException {
    List<String> top = topFolders(root);
    if (top.isEmpty() || !top.stream().allMatch(n -> Split.fromName(n).isPresent())) {
      return false;
    }
    for (String name : top) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(root.resolve(name))) {
        for (Path p : s) {
          if (!TreeWalk.isHidden(p) && Files.isDirectory(p)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** "dev = validation, eval = test" for the top folders. */
  private static String splitNames(Path root) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String name : topFolders(root)) {
      parts.add(name + " = " + Split.fromName(name).orElseThrow().displayName());
    }
    return String.join(", ", parts);
  }

  /** Non-hidden top-level folders other than the noise folder, sorted. */
  static List<String> topFolders(Path root) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if (!TreeWalk.isHidden(p)
            && !name.equals(SpeechCommandsIndexer.NOISE_FOLDER)
            && Files.isDirectory(p)) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    return names;
  }
}
