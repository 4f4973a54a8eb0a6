package org.tkdworkbench.data;

import org.tkdworkbench.workspace.Csv;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tkdworkbench.jobs.JobContext;

/**
 * FSD50K as published on Zenodo (record 4060432), multi-label:
 *
 * <ul>
 *   <li>{@code FSD50K.ground_truth/dev.csv}: {@code fname,labels,mids,split}, the labels
 *       comma-separated inside one quoted field, split {@code train} or {@code val};
 *   <li>{@code FSD50K.ground_truth/eval.csv}: {@code fname,labels,mids}, the test split;
 *   <li>{@code FSD50K.ground_truth/vocabulary.csv}: {@code index,label,mid} rows, no header;
 *   <li>audio {@code FSD50K.dev_audio/<fname>.wav} and {@code FSD50K.eval_audio/<fname>.wav}.
 * </ul>
 *
 * <p>At least one of dev.csv and eval.csv must exist (someone may download only one half). A clip
 * with a label that is not in the vocabulary is refused as LABEL_NOT_IN_VOCABULARY: training on a
 * misspelt class would silently add a 201st output. Without vocabulary.csv the labels found are the
 * vocabulary, with a warning.
 */
final class Fsd50kReader implements LayoutReader {
  static final String GROUND_TRUTH = "FSD50K.ground_truth";
  static final String DEV_CSV = GROUND_TRUTH + "/dev.csv";
  static final String EVAL_CSV = GROUND_TRUTH + "/eval.csv";
  static final String VOCABULARY_CSV = GROUND_TRUTH + "/vocabulary.csv";
  static final String DEV_AUDIO = "FSD50K.dev_audio";
  static final String EVAL_AUDIO = "FSD50K.eval_audio";
  private static final int PROGRESS_EVERY = 512;

  @Override
  public DatasetIndex read(Path root, LayoutOptions options, JobContext ctx) throws IOException {
    Path dev = root.resolve(DEV_CSV);
    Path eval = root.resolve(EVAL_CSV);
    if (!Files.isRegularFile(dev) && !Files.isRegularFile(eval)) {
      throw DatasetDetector.missingMetadata(root, Layout.FSD50K, DEV_CSV);
    }
    Problems problems = new Problems();
    IndexBuilder b = new IndexBuilder(root, Layout.FSD50K, options, problems);
    b.multiLabel(true);
    Set<String> vocabulary = readVocabulary(root.resolve(VOCABULARY_CSV), problems);
    if (vocabulary == null) {
      problems.note(
          VOCABULARY_CSV
              + " is missing: the labels found in the ground truth are taken as the vocabulary,"
              + " unchecked.");
    } else {
      b.vocabulary(vocabulary);
    }
    List<Csv.Row> devRows = Files.isRegularFile(dev) ? Csv.read(dev) : List.of();
    List<Csv.Row> evalRows = Files.isRegularFile(eval) ? Csv.read(eval) : List.of();
    if (!Files.isRegularFile(dev)) {
      problems.note(DEV_CSV + " is missing: only the eval (test) clips are read.");
    }
    if (!Files.isRegularFile(eval)) {
      problems.note(EVAL_CSV + " is missing: there is no test split.");
    }
    Progress progress =
        new Progress(ctx, Math.max(0, devRows.size() - 1) + Math.max(0, evalRows.size() - 1));
    RootGuard guard = new RootGuard(root);
    Set<String> named = new HashSet<>();
    readGroundTruth(
        root, dev, DEV_CSV, devRows, DEV_AUDIO, true, vocabulary, guard, b, named, progress);
    readGroundTruth(
        root, eval, EVAL_CSV, evalRows, EVAL_AUDIO, false, vocabulary, guard, b, named, progress);
    for (String folder : List.of(DEV_AUDIO, EVAL_AUDIO)) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        for (Path p : s) {
          String id = folder + "/" + p.getFileName();
          if (!TreeWalk.isHidden(p)
              && SpeechCommandsIndexer.isAudioFile(id)
              && !named.contains(id)) {
            problems.add("audio files that no ground-truth row names (ignored)", id);
          }
        }
      }
    }
    DatasetIndex index = b.build();
    ctx.progress(progress.total, progress.total, "Indexed " + index.clips().size() + " clips");
    return index;
  }

  private static void readGroundTruth(
      Path root,
      Path csv,
      String csvName,
      List<Csv.Row> rows,
      String audioFolder,
      boolean isDev,
      Set<String> vocabulary,
      RootGuard guard,
      IndexBuilder b,
      Set<String> named,
      Progress progress)
      throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    int[] col = Csv.columns(rows.get(0), "fname", "labels", "split");
    if (col[0] < 0 || col[1] < 0 || (isDev && col[2] < 0)) {
      throw new IOException(
          csv
              + ": not FSD50K ground truth: needs the columns fname, labels"
              + (isDev ? ", split" : "")
              + ", found header "
              + String.join(",", rows.get(0).fields()));
    }
    Path audio = root.resolve(audioFolder);
    if (!Files.isDirectory(audio)) {
      b.problems.note(
          "The "
              + audioFolder
              + "/ folder is missing, so every clip of "
              + csvName
              + " is missing.");
    }
    for (int i = 1; i < rows.size(); i++) {
      progress.step(csvName);
      Csv.Row row = rows.get(i);
      String where = "line " + row.line() + " of " + csvName;
      String fname = row.field(col[0]).strip();
      String file = SpeechCommandsIndexer.isAudioFile(fname) ? fname : fname + ".wav";
      String shown = fname.isEmpty() ? csvName + ":" + row.line() : audioFolder + "/" + file;
      named.add(shown);
      if (row.error() != null) {
        b.refuse(shown, Refusal.Reason.BAD_METADATA, where + ": " + row.error());
        continue;
      }
      if (fname.isEmpty()) {
        b.refuse(shown, Refusal.Reason.BAD_METADATA, where + ": no fname");
        continue;
      }
      Split split = Split.TEST;
      if (isDev) {
        String s = row.field(col[2]).strip();
        split =
            s.equalsIgnoreCase("train")
                ? Split.TRAIN
                : s.equalsIgnoreCase("val") ? Split.VALIDATION : null;
        if (split == null) {
          b.refuse(
              shown,
              Refusal.Reason.BAD_METADATA,
              where + ": split must be train or val, found '" + s + "'");
          continue;
        }
      }
      List<String> labels = labels(row.field(col[1]));
      if (labels.isEmpty()) {
        b.refuse(shown, Refusal.Reason.BAD_METADATA, where + ": no labels");
        continue;
      }
      List<String> unknown =
          vocabulary == null
              ? List.of()
              : labels.stream().filter(l -> !vocabulary.contains(l)).toList();
      if (!unknown.isEmpty()) {
        b.refuse(
            shown,
            Refusal.Reason.LABEL_NOT_IN_VOCABULARY,
            "label"
                + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown.stream().map(l -> "'" + l + "'").toList())
                + " not in "
                + VOCABULARY_CSV
                + ", "
                + where);
        continue;
      }
      RootGuard.Outcome o = guard.resolve(audio, file, where);
      if (o.refusal() != null) {
        b.refuse(o.refusal());
        continue;
      }
      RootGuard.Resolved r = o.resolved();
      b.add(new Clip(r.id(), r.path(), labels, split), r.real(), where);
    }
  }

  /** The labels of one field: comma-separated, trimmed, empty pieces and repeats dropped. */
  static List<String> labels(String field) {
    Set<String> out = new LinkedHashSet<>();
    for (String l : field.split(",")) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The label column of vocabulary.csv ({@code index,label,mid}, no header; a header line is
   * tolerated), or null when the file does not exist.
   */
  private static Set<String> readVocabulary(Path file, Problems problems) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Set<String> labels = new HashSet<>();
    List<Csv.Row> rows = Csv.read(file);
    for (int i = 0; i < rows.size(); i++) {
      Csv.Row row = rows.get(i);
      String label = row.field(1).strip();
      boolean header = i == 0 && !row.field(0).strip().matches("\\d+");
      if (header) {
        continue;
      }
      if (row.error() != null || label.isEmpty()) {
        problems.add("unreadable rows in " + VOCABULARY_CSV + " (ignored)", "line " + row.line());
        continue;
      }
      if (row.fields().size() != 3) {
        // e.g. an unquoted comma inside the label: taking field 2 would misspell the class.
        problems.add("rows in " + VOCABULARY_CSV + " without exactly 3 fields (index,label,mid; ignored)",
            "line " + row.line() + " (" + row.fields().size() + " fields)");
        continue;
      }
      labels.add(label);
    }
    return labels;
  }

  /** Progress over the rows of both files, and a cancel check, every {@value #PROGRESS_EVERY}. */
  private static final class Progress {
    private final JobContext ctx;
    private final long total;
    private long done;

    Progress(JobContext ctx, long total) {
      this.ctx = ctx;
      this.total = total;
    }

    void step(String file) {
      if (++done % PROGRESS_EVERY == 0) {
        ctx.checkCancelled();
        ctx.progress(done, total, "Reading " + file + ": " + done + " of " + total + " rows");
      }
    }
  }
}
