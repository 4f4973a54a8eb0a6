package org.tkdworkbench.data;

import org.tkdworkbench.workspace.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tkdworkbench.jobs.JobContext;

/**
 * A CSV manifest: a header line with {@code path} and {@code label} (or {@code labels}) and
 * optionally {@code split}, any order, other columns ignored; one row per clip.
 *
 * <ul>
 *   <li>{@code path} is relative to the manifest's folder, {@code /} or {@code \} separated; it
 *       must stay inside the dataset folder (see {@link RootGuard});
 *   <li>{@code label}: one class, or several separated by {@code ;} (the dataset is multi-label as
 *       soon as one row has several);
 *   <li>{@code split}: train, val, validation, valid, dev or test, any case ({@link
 *       Split#fromName}); empty or no column means train.
 * </ul>
 *
 * <p>The manifest is {@link LayoutOptions#manifest()} (relative to the dataset folder) or else the
 * only {@code *.csv} at the root with a {@code path} column. Bad rows are refused as BAD_METADATA
 * with their line number; a file named twice as DUPLICATE.
 */
final class ManifestReader implements LayoutReader {
  private static final int PROGRESS_EVERY = 512;

  @Override
  public DatasetIndex read(Path root, LayoutOptions options, JobContext ctx) throws IOException {
    Path manifest = manifestFile(root, options.manifest());
    String name = TreeWalk.toId(root.relativize(manifest));
    List<Csv.Row> rows = Csv.read(manifest);
    if (rows.isEmpty()) {
      throw new IOException(
          manifest + ": empty; a manifest needs a header line path,label[,split]");
    }
    int[] col = Csv.columns(rows.get(0), "path", "label", "labels", "split");
    int labelCol = col[1] >= 0 ? col[1] : col[2];
    if (col[0] < 0 || labelCol < 0) {
      throw new IOException(
          manifest
              + ": not a manifest: needs a header line with the columns path and label (split"
              + " optional), found "
              + String.join(",", rows.get(0).fields()));
    }
    Problems problems = new Problems();
    IndexBuilder b = new IndexBuilder(root, Layout.MANIFEST, options, problems);
    RootGuard guard = new RootGuard(root);
    Path dir = manifest.getParent();
    int total = rows.size() - 1;
    for (int i = 1; i < rows.size(); i++) {
      if (i % PROGRESS_EVERY == 0) {
        ctx.checkCancelled();
        ctx.progress(i, total, "Reading " + name + ": " + i + " of " + total + " rows");
      }
      Csv.Row row = rows.get(i);
      String where = "line " + row.line() + " of " + name;
      String raw = row.field(col[0]).strip();
      String shown = raw.isEmpty() ? name + ":" + row.line() : raw;
      if (row.error() != null) {
        b.refuse(shown, Refusal.Reason.BAD_METADATA, where + ": " + row.error());
        continue;
      }
      List<String> labels = labels(row.field(labelCol));
      if (labels.isEmpty()) {
        b.refuse(shown, Refusal.Reason.BAD_METADATA, where + ": no label");
        continue;
      }
      b.multiLabel(labels.size() > 1);
      Split split = Split.TRAIN;
      String s = col[3] < 0 ? "" : row.field(col[3]).strip();
      if (!s.isEmpty()) {
        Optional<Split> parsed = Split.fromName(s);
        if (parsed.isEmpty()) {
          b.refuse(
              shown,
              Refusal.Reason.BAD_METADATA,
              where
                  + ": split must be train, val, validation, valid, dev or test, found '"
                  + s
                  + "'");
          continue;
        }
        split = parsed.get();
      }
      RootGuard.Outcome o = guard.resolve(dir, raw, where);
      if (o.refusal() != null) {
        b.refuse(o.refusal());
        continue;
      }
      RootGuard.Resolved r = o.resolved();
      b.add(new Clip(r.id(), r.path(), labels, split), r.real(), where);
    }
    DatasetIndex index = b.build();
    ctx.progress(total, total, "Indexed " + index.clips().size() + " clips");
    return index;
  }

  /** The labels of one field: {@code ;}-separated, trimmed, empty pieces and repeats dropped. */
  static List<String> labels(String field) {
    Set<String> out = new LinkedHashSet<>();
    for (String l : field.split(";")) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return new ArrayList<>(out);
  }

  /** The chosen manifest, or the only one at the root; the message says what to do otherwise. */
  static Path manifestFile(Path root, String chosen) throws IOException {
    if (chosen != null) {
      Path m = root.resolve(chosen.strip()).normalize();
      if (!m.startsWith(root)) {
        throw new IOException("manifest " + chosen + ": must be inside the dataset folder " + root);
      }
      if (!Files.isRegularFile(m)) {
        throw new NoSuchFileException(m.toString(), null, "manifest not found");
      }
      return m;
    }
    List<Path> found = DatasetDetector.manifests(root);
    if (found.isEmpty()) {
      throw DatasetDetector.missingMetadata(root, Layout.MANIFEST, "<name>.csv");
    }
    if (found.size() > 1) {
      throw new IOException(
          root
              + " holds several manifests ("
              + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList())
              + "): choose one of them as the manifest");
    }
    return found.get(0);
  }
}
