package org.tkdworkbench.data;

import org.tkdworkbench.workspace.Csv;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tkdworkbench.jobs.JobContext;

/**
 * ESC-50 as published ({@code github.com/karolpiczak/ESC-50}): {@code meta/esc50.csv} with the
 * header {@code filename,fold,target,category,esc10,src_file,take}, audio in {@code audio/}. The
 * label is {@code category}; clips of the chosen test fold are the test split, of the optional
 * validation fold the validation split, all others train.
 *
 * <p>Columns are found by name, so extra or reordered columns are fine; {@code filename}, {@code
 * fold} and {@code category} are required. A row with a fold outside 1..5 or no category is refused
 * as BAD_METADATA with its line number; audio files in {@code audio/} that no row names are left
 * out with a warning.
 */
final class Esc50Reader implements LayoutReader {
  static final String META = "meta/esc50.csv";
  static final String AUDIO = "audio";
  private static final int PROGRESS_EVERY = 256;

  @Override
  public DatasetIndex read(Path root, LayoutOptions options, JobContext ctx) throws IOException {
    Path meta = root.resolve(META);
    if (!Files.isRegularFile(meta)) {
      throw DatasetDetector.missingMetadata(root, Layout.ESC50, META);
    }
    List<Csv.Row> rows = Csv.read(meta);
    if (rows.isEmpty()) {
      throw new IOException(
          meta + ": empty; ESC-50 needs a header line filename,fold,target,category,...");
    }
    int[] col = Csv.columns(rows.get(0), "filename", "fold", "category");
    if (col[0] < 0 || col[1] < 0 || col[2] < 0) {
      throw new IOException(
          meta
              + ": not ESC-50 metadata: needs the columns filename, fold and category, found header"
              + " "
              + String.join(",", rows.get(0).fields()));
    }
    int testFold = options.testFoldOrDefault();
    Integer validationFold = options.validationFold();
    Problems problems = new Problems();
    IndexBuilder b = new IndexBuilder(root, Layout.ESC50, options, problems);
    RootGuard guard = new RootGuard(root);
    Path audio = root.resolve(AUDIO);
    if (!Files.isDirectory(audio)) {
      problems.note("The audio/ folder is missing, so every clip of " + META + " is missing.");
    }
    Set<String> named = new HashSet<>();
    int total = rows.size() - 1;
    int[] perFold = new int[6];
    for (int i = 1; i < rows.size(); i++) {
      if (i % PROGRESS_EVERY == 0) {
        ctx.checkCancelled();
        ctx.progress(i, total, "Reading " + META + ": " + i + " of " + total + " rows");
      }
      Csv.Row row = rows.get(i);
      String where = "line " + row.line() + " of " + META;
      String file = row.field(col[0]).strip();
      // The id a clip of this row would have had, so refusals and clips name files alike.
      String shown =
          file.isEmpty() ? META + ":" + row.line() : AUDIO + "/" + file.replace('\\', '/');
      named.add(AUDIO + "/" + file.replace('\\', '/')); // a refused row's file is not "unlisted"
      if (row.error() != null) {
        b.refuse(shown, Refusal.Reason.BAD_METADATA, where + ": " + row.error());
        continue;
      }
      Integer fold = parseFold(row.field(col[1]));
      if (fold == null) {
        b.refuse(
            shown,
            Refusal.Reason.BAD_METADATA,
            where + ": fold must be 1..5, found '" + row.field(col[1]).strip() + "'");
        continue;
      }
      String category = row.field(col[2]).strip();
      if (category.isEmpty()) {
        b.refuse(shown, Refusal.Reason.BAD_METADATA, where + ": no category");
        continue;
      }
      b.vocabulary(List.of(category));
      RootGuard.Outcome o = guard.resolve(audio, file, where);
      if (o.refusal() != null) {
        b.refuse(o.refusal());
        continue;
      }
      Split split =
          fold == testFold
              ? Split.TEST
              : validationFold != null && fold.intValue() == validationFold
                  ? Split.VALIDATION
                  : Split.TRAIN;
      if (b.add(
          new Clip(o.resolved().id(), o.resolved().path(), category, split),
          o.resolved().real(),
          where)) {
        perFold[fold]++;
      }
    }
    if (perFold[testFold] == 0 && b.size() > 0) {
      problems.note("The test fold " + testFold + " has no clips, so the test split is empty.");
    }
    if (validationFold != null && perFold[validationFold] == 0 && b.size() > 0) {
      problems.note(
          "The validation fold "
              + validationFold
              + " has no clips, so the validation split is empty.");
    }
    unlisted(audio, named, problems);
    DatasetIndex index = b.build();
    ctx.progress(total, total, "Indexed " + index.clips().size() + " clips");
    return index;
  }

  /** Warns (once, counted) about audio files in {@code audio/} that no metadata row names. */
  private static void unlisted(Path audio, Set<String> named, Problems problems)
      throws IOException {
    if (!Files.isDirectory(audio)) {
      return;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(audio)) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if (!TreeWalk.isHidden(p)
            && SpeechCommandsIndexer.isAudioFile(name)
            && !named.contains(AUDIO + "/" + name)) {
          problems.add(
              "audio files in audio/ that " + META + " does not list (ignored)",
              AUDIO + "/" + name);
        }
      }
    }
  }

  private static Integer parseFold(String s) {
    try {
      int f = Integer.parseInt(s.strip());
      return f >= 1 && f <= 5 ? f : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
