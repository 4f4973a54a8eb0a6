package org.tkdworkbench.data;

import org.tkdworkbench.workspace.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.jobs.JobContext;

/**
 * The index benchmark behind {@code bench index}: generates a dataset tree of tiny but valid WAV
 * files (16-bit PCM, 16 kHz, mono, 16 samples) in FSD50K's published layout or folder-per-class,
 * then times {@link Datasets#index} (names and metadata only) and {@link DatasetImporter#report}
 * (one header probe per file) on it. The files are real WAVs so the probe does its full work; their
 * tiny size means the numbers measure per-file overhead, which is what dominates at FSD50K's 51,197
 * files.
 */
public final class IndexBenchmark {
  /** FSD50K's size: 40,966 dev + 10,231 eval clips. */
  public static final int FSD50K_FILES = 51_197;

  private static final int CLASSES = 200;
  private static final byte[] TINY_WAV = tinyWav(16);

  private IndexBenchmark() {}

  /**
   * What one layout measured.
   *
   * @param layout the generated layout
   * @param files files generated
   * @param generateSeconds time to write the tree
   * @param indexSeconds each timed {@link Datasets#index} pass
   * @param clips clips the index accepted
   * @param refused refusals of the index
   * @param reportSeconds time of {@link DatasetImporter#report}, or NaN when not measured
   * @param threads workers of the report
   */
  public record Result(
      Layout layout,
      int files,
      double generateSeconds,
      List<Double> indexSeconds,
      int clips,
      int refused,
      double reportSeconds,
      int threads) {
    /** The fastest index pass. */
    public double bestIndexSeconds() {
      return indexSeconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
  }

  /**
   * Generates {@code files} files of {@code layout} (FSD50K or FOLDERS) under {@code dir} (a new
   * folder), times {@code repeats} index passes and, when {@code threads > 0}, one import report.
   */
  public static Result run(Layout layout, Path dir, int files, int repeats, int threads)
      throws IOException {
    return run(layout, dir, files, repeats, threads, JobContext.none());
  }

  /**
   * {@link #run(Layout, Path, int, int, int)} as a job: progress while generating, and a cancel
   * checked every {@value #CHECK_EVERY} files and by the index passes and the report, so Ctrl-C
   * stops it quickly and the caller can remove the tree.
   *
   * @throws org.tkdworkbench.jobs.CancelledException when {@code ctx} was cancelled
   */
  public static Result run(
      Layout layout, Path dir, int files, int repeats, int threads, JobContext ctx)
      throws IOException {
    long t0 = System.nanoTime();
    switch (layout) {
      case FSD50K -> generateFsd50k(dir, files, 1, ctx);
      case FOLDERS -> generateFolders(dir, files, 1, ctx);
      default ->
          throw new IllegalArgumentException(
              "bench generates fsd50k or folders, found " + layout.cliName());
    }
    double generate = seconds(t0);
    List<Double> passes = new ArrayList<>();
    DatasetIndex index = null;
    for (int i = 0; i < repeats; i++) {
      long t = System.nanoTime();
      index = Datasets.index(dir, layout, LayoutOptions.defaults(), ctx);
      passes.add(seconds(t));
    }
    double report = Double.NaN;
    if (threads > 0 && index != null) {
      long t = System.nanoTime();
      ImportReport r = new DatasetImporter(new AudioDecoder(), threads).report(index, ctx);
      report = seconds(t);
      if (r.refused().size() != index.refused().size()) {
        throw new IllegalStateException("generated files were refused: " + r.refused().get(0));
      }
    }
    return new Result(
        layout,
        files,
        generate,
        passes,
        index == null ? 0 : index.clips().size(),
        index == null ? 0 : index.refused().size(),
        report,
        threads);
  }

  /**
   * FSD50K's published layout: {@code FSD50K.ground_truth/{dev,eval,vocabulary}.csv} (200 classes,
   * 1 to 3 labels per clip in a quoted comma-separated field), 80 % of the files in {@code
   * FSD50K.dev_audio/} (a tenth of them {@code val}), the rest in {@code FSD50K.eval_audio/}.
   */
  public static void generateFsd50k(Path dir, int files, long seed) throws IOException {
    generateFsd50k(dir, files, seed, JobContext.none());
  }

  private static void generateFsd50k(Path dir, int files, long seed, JobContext ctx)
      throws IOException {
    Random rnd = new Random(seed);
    Path gt = Files.createDirectories(dir.resolve(Fsd50kReader.GROUND_TRUTH));
    Path devAudio = Files.createDirectories(dir.resolve(Fsd50kReader.DEV_AUDIO));
    Path evalAudio = Files.createDirectories(dir.resolve(Fsd50kReader.EVAL_AUDIO));
    StringBuilder vocab = new StringBuilder();
    for (int c = 0; c < CLASSES; c++) {
      vocab.append(String.format(Locale.ROOT, "%d,%s,/m/%05d%n", c, label(c), c));
    }
    Files.writeString(gt.resolve("vocabulary.csv"), vocab, StandardCharsets.UTF_8);
    int dev = (int) Math.round(files * 0.8);
    StringBuilder devCsv = new StringBuilder("fname,labels,mids,split\n");
    StringBuilder evalCsv = new StringBuilder("fname,labels,mids\n");
    for (int i = 0; i < files; i++) {
      generating(ctx, i, files);
      int fname = 100_000 + i;
      int k = 1 + rnd.nextInt(3);
      List<String> labels = new ArrayList<>();
      List<String> mids = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        int c = rnd.nextInt(CLASSES);
        if (!labels.contains(label(c))) {
          labels.add(label(c));
          mids.add(String.format(Locale.ROOT, "/m/%05d", c));
        }
      }
      String row =
          fname + ",\"" + String.join(",", labels) + "\",\"" + String.join(",", mids) + "\"";
      if (i < dev) {
        devCsv.append(row).append(rnd.nextInt(10) == 0 ? ",val\n" : ",train\n");
        Files.write(devAudio.resolve(fname + ".wav"), TINY_WAV);
      } else {
        evalCsv.append(row).append('\n');
        Files.write(evalAudio.resolve(fname + ".wav"), TINY_WAV);
      }
    }
    Files.writeString(gt.resolve("dev.csv"), devCsv, StandardCharsets.UTF_8);
    Files.writeString(gt.resolve("eval.csv"), evalCsv, StandardCharsets.UTF_8);
  }

  /** Folder-per-class: {@code <class>/<n>.wav} over 200 class folders. */
  public static void generateFolders(Path dir, int files, long seed) throws IOException {
    generateFolders(dir, files, seed, JobContext.none());
  }

  private static void generateFolders(Path dir, int files, long seed, JobContext ctx)
      throws IOException {
    Random rnd = new Random(seed);
    List<Path> classes = new ArrayList<>();
    for (int c = 0; c < CLASSES; c++) {
      classes.add(Files.createDirectories(dir.resolve(label(c))));
    }
    for (int i = 0; i < files; i++) {
      generating(ctx, i, files);
      Files.write(classes.get(rnd.nextInt(CLASSES)).resolve(i + ".wav"), TINY_WAV);
    }
  }

  private static final int CHECK_EVERY = 512;

  /** Cancel check and progress every {@value #CHECK_EVERY} generated files. */
  private static void generating(JobContext ctx, int i, int files) {
    if (i % CHECK_EVERY == 0) {
      ctx.checkCancelled();
      ctx.progress(i, files, "Generating " + files + " files: " + i);
    }
  }

  /** Deletes {@code dir} and everything below it (links are removed, not followed). */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String label(int c) {
    return String.format(Locale.ROOT, "Class_%03d", c);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** A canonical 44-byte-header WAV: 16-bit PCM mono 16 kHz with {@code samples} of silence. */
  static byte[] tinyWav(int samples) {
    int data = samples * 2;
    ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data);
    b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000);
    b.putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
    return b.array();
  }
}
