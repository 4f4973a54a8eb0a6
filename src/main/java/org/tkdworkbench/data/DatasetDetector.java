package org.tkdworkbench.data;

import org.tkdworkbench.workspace.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises layouts by their marker files, and explains when the user chose the folder above or
 * below the real dataset root (e.g. {@code downloads/} holding {@code ESC-50-master/}, or {@code
 * ESC-50-master/audio/}).
 */
final class DatasetDetector {
  private static final int MAX_HEADER_CHARS = 64 * 1024;

  private DatasetDetector() {}

  /** The layout of {@code dir} by its own files: see {@link Datasets#detect}. */
  static Layout detectHere(Path dir) throws IOException {
    Layout byMarkers = byMarkers(dir);
    if (byMarkers != null) {
      return byMarkers;
    }
    return manifests(dir).isEmpty() ? Layout.FOLDERS : Layout.MANIFEST;
  }

  /** FSD50K, ESC-50 or Speech Commands by their marker files and folders, else null. */
  static Layout byMarkers(Path dir) {
    if (Files.isDirectory(dir.resolve(Fsd50kReader.GROUND_TRUTH))) {
      return Layout.FSD50K;
    }
    if (Files.isRegularFile(dir.resolve(Esc50Reader.META))) {
      return Layout.ESC50;
    }
    if (Files.isRegularFile(dir.resolve(SpeechCommandsIndexer.VALIDATION_LIST))
        || Files.isRegularFile(dir.resolve(SpeechCommandsIndexer.TESTING_LIST))
        || Files.isDirectory(dir.resolve(SpeechCommandsIndexer.NOISE_FOLDER))) {
      return Layout.SPEECH_COMMANDS;
    }
    return null;
  }

  /** The {@code *.csv} files directly in {@code dir} whose header has a {@code path} column. */
  static List<Path> manifests(Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.{csv,CSV,Csv}")) {
      for (Path p : s) {
        if (!TreeWalk.isHidden(p) && Files.isRegularFile(p) && hasPathColumn(p)) {
          found.add(p);
        }
      }
    }
    found.sort(null);
    return found;
  }

  private static boolean hasPathColumn(Path csv) {
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      char[] buf = new char[MAX_HEADER_CHARS];
      int n = in.read(buf);
      if (n <= 0) {
        return false;
      }
      String text = new String(buf, 0, n);
      int end = text.indexOf('\n');
      List<Csv.Row> rows = Csv.parse(end < 0 ? text : text.substring(0, end));
      return !rows.isEmpty() && Csv.columns(rows.get(0), "path")[0] >= 0;
    } catch (IOException e) {
      return false; // not UTF-8 or unreadable: not a manifest we could use anyway
    }
  }

  /** Where the dataset is when the user chose {@code root}: see {@link Datasets#locate}. */
  static Datasets.Detection locate(Path root) throws IOException {
    Layout here = detectHere(root);
    if (here != Layout.FOLDERS) {
      return new Datasets.Detection(root, here, null, false);
    }
    List<Path> children = FoldersReader.topFolders(root).stream().map(root::resolve).toList();
    List<String> datasets = new ArrayList<>();
    Path only = null;
    Layout onlyLayout = null;
    for (Path child : children) {
      Layout l = byMarkers(child);
      if (l != null) {
        datasets.add(child.getFileName() + "/ (" + l.cliName() + ")");
        only = child;
        onlyLayout = l;
      }
    }
    if (datasets.size() == 1 && children.size() == 1) {
      return new Datasets.Detection(
          only,
          onlyLayout,
          "The dataset is the folder "
              + only.getFileName()
              + "/ inside "
              + root
              + "; it is read from there and clip ids are relative to it.",
          false);
    }
    if (!datasets.isEmpty()) {
      return new Datasets.Detection(
          root,
          Layout.FOLDERS,
          root
              + " is not one dataset: it holds "
              + String.join(", ", datasets)
              + (children.size() > datasets.size() ? " and other folders" : "")
              + ". Choose one of them, or ask for the folders layout to read every sub-folder as a"
              + " class.",
          true);
    }
    String inside = insideHint(root);
    return new Datasets.Detection(root, Layout.FOLDERS, inside, false);
  }

  /**
   * A sentence when {@code dir} looks like a folder inside a dataset (its parent has FSD50K, ESC-50
   * or Speech Commands markers), else null. Only names in the parent are looked at.
   */
  static String insideHint(Path dir) {
    Path parent = dir.getParent();
    if (parent == null) {
      return null;
    }
    Layout l = byMarkers(parent);
    if (l == null) {
      return null;
    }
    return "This folder looks like the "
        + dir.getFileName()
        + "/ folder of the "
        + l.cliName()
        + " dataset at "
        + parent
        + "; choose that folder to read the dataset with its labels and splits.";
  }

  /**
   * The error for a layout whose required metadata {@code rel} is missing under {@code root}, with
   * a hint when the dataset is one folder up or down.
   */
  static IOException missingMetadata(Path root, Layout layout, String rel) {
    StringBuilder msg =
        new StringBuilder(layout.cliName() + " layout needs " + rel + ", which is missing");
    String up = insideHint(root);
    if (up != null && byMarkers(root.getParent()) == layout) {
      msg.append(". ").append(up);
    } else {
      try {
        for (String child : FoldersReader.topFolders(root)) {
          if (byMarkers(root.resolve(child)) == layout) {
            msg.append(". The dataset seems to be in ")
                .append(child)
                .append("/: choose that folder");
            break;
          }
        }
      } catch (IOException e) {
        // The hint is a courtesy; the missing file is the error.
      }
    }
    return new NoSuchFileException(root.resolve(rel).toString(), null, msg.toString());
  }
}
