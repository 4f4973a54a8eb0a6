package org.tkdworkbench.data.noisy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.WavWriter;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.jobs.Parallel;
import org.tkdworkbench.workspace.AtomicFiles;

/**
 * Writes a noisy variant of a keyword dataset (the paper's Noisy Speech Commands) in Speech
 * Commands layout: {@code <label>/<path>.wav} (see {@link OutputIds#plan}; 16-bit PCM at the spec's
 * rate, exactly {@code round(length · rate)} samples), {@code validation_list.txt} and {@code
 * testing_list.txt} with the same relative ids, {@link KeywordSpans#FILE_NAME keyword_spans.csv}
 * and {@code noisy_spec.json} (provenance). Any single-label {@link DatasetIndex} is a valid
 * source; every split is kept.
 *
 * <p>Each clip's offset, SNR and noise excerpt come from a random stream seeded by the build seed
 * and the clip's id ({@link ClipRandom}), so the bytes written do not depend on the thread count or
 * on which other clips exist. The SNR is measured over the keyword's active region (see {@link
 * org.tkdworkbench.audio.Mixing}); {@link KeywordMixer} has the placement rules.
 *
 * <p>Safety: the build goes into {@code <output>.tmp-<random>} beside the target and is renamed to
 * {@code output} only when complete, so a cancelled or failed build leaves nothing under the
 * output's name (and removes its temporary folder). An output that exists and is not an empty
 * folder is refused: user data is never overwritten. Unreadable clips and noise files are refused
 * with reasons in {@link Result#problems()}; they never abort the build. A noisy keyword clip holds
 * exactly one keyword: FSD50K sources (multi-label by nature) are refused as a whole, a clip with
 * several labels in any other source is refused on its own.
 */
public final class NoisyKeywordBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(NoisyKeywordBuilder.class);

  /** Threads used when none are given. */
  public static final int DEFAULT_THREADS = 2;

  /** The provenance file's name inside a noisy dataset. */
  public static final String SPEC_FILE = "noisy_spec.json";

  /**
   * What a build produced.
   *
   * @param output the dataset folder written
   * @param written clips written
   * @param refused source clips left out (each has a line in {@code problems})
   * @param problems one sentence per refused clip or noise file, naming it and the reason
   * @param stats spans, SNRs and timing (empty for results made with the 4-argument constructor)
   */
  public record Result(Path output, int written, int refused, List<String> problems, Stats stats) {
    public Result {
      problems = List.copyOf(problems);
    }

    public Result(Path output, int written, int refused, List<String> problems) {
      this(output, written, refused, problems, Stats.NONE);
    }
  }

  /**
   * Summary numbers of a build.
   *
   * @param noiseFiles noise files used
   * @param noiseRefused noise files refused
   * @param minSpanSeconds shortest keyword span
   * @param meanSpanSeconds mean keyword span
   * @param maxSpanSeconds longest keyword span
   * @param minSnrDb lowest SNR drawn
   * @param maxSnrDb highest SNR drawn
   * @param scaledForHeadroom clips whose mixture was scaled down so it would not clip
   * @param seconds wall time of the build
   */
  public record Stats(
      int noiseFiles,
      int noiseRefused,
      double minSpanSeconds,
      double meanSpanSeconds,
      double maxSpanSeconds,
      double minSnrDb,
      double maxSnrDb,
      int scaledForHeadroom,
      double seconds) {
    static final Stats NONE =
        new Stats(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
  }

  private final AudioDecoder decoder;
  private final int threads;

  /** A builder running on {@link #DEFAULT_THREADS} threads. */
  public NoisyKeywordBuilder(AudioDecoder decoder) {
    this(decoder, DEFAULT_THREADS);
  }

  /** A builder running on {@code threads} threads (the output does not depend on it). */
  public NoisyKeywordBuilder(AudioDecoder decoder, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, found " + threads);
    }
    this.decoder = decoder;
    this.threads = threads;
  }

  /**
   * What is wrong with writing a variant of the dataset at {@code sourceRoot} to {@code output}:
   * empty when it can be used. For forms and the CLI to check before a build starts.
   */
  public static List<String> checkOutput(Path output, Path sourceRoot) {
    List<String> p = new ArrayList<>();
    Path out = output.toAbsolutePath().normalize();
    if (out.getFileName() == null) {
      p.add("output: must be a folder to create, found " + output);
      return p;
    }
    if (sourceRoot != null && out.startsWith(sourceRoot.toAbsolutePath().normalize())) {
      p.add(
          "output: must not be inside the source dataset (it would become a class), found " + out);
    }
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        p.add("output: must be a new or empty folder, found a file " + out);
      } else {
        try (var entries = Files.list(out)) {
          long n = entries.count();
          if (n > 0) {
            p.add(
                "output: must be a new or empty folder, found "
                    + out
                    + " holding "
                    + n
                    + (n == 1 ? " entry" : " entries")
                    + " (never overwritten)");
          }
        } catch (IOException e) {
          p.add("output: cannot read " + out + ": " + AtomicFiles.describe(e));
        }
      }
    }
    return p;
  }

  /**
   * Builds the variant of {@code source} with noise from {@code noiseFiles} into {@code output}
   * (which must not exist or be empty), reporting progress per clip and stopping on cancel without
   * leaving a half-written dataset under {@code output}'s name.
   *
   * @throws IllegalArgumentException for an invalid spec, an FSD50K source, no noise files or an
   *     unusable output (see {@link #checkOutput})
   * @throws IOException when writing fails, no noise file or no clip could be used
   * @throws CancelledException when {@code ctx} was cancelled; nothing is left behind
   */
  public Result build(
      DatasetIndex source, List<Path> noiseFiles, NoisySpec spec, Path output, JobContext ctx)
      throws IOException {
    long t0 = System.nanoTime();
    List<String> invalid = new ArrayList<>(spec.validate());
    if (source.layout() == Layout.FSD50K) {
      // Inherently multi-label: even its single-label clips are sound events, not keywords.
      invalid.add(
          "source: FSD50K is a multi-label dataset and cannot be mixed into keyword clips (one"
              + " keyword per clip), found "
              + source.root());
    }
    if (noiseFiles.isEmpty()) {
      invalid.add("noise: no noise files given");
    }
    invalid.addAll(checkOutput(output, source.root()));
    if (!invalid.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", invalid));
    }
    Path target = output.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path tmp =
        target.resolveSibling(
            target.getFileName()
                + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    Files.createDirectory(tmp);
    try {
      Result r = buildInto(tmp, target, source, noiseFiles, spec, ctx, t0);
      moveIntoPlace(tmp, target);
      return r;
    } catch (IOException | RuntimeException | Error e) {
      deleteTree(tmp);
      throw e;
    }
  }

  private Result buildInto(
      Path tmp,
      Path target,
      DatasetIndex source,
      List<Path> noiseFiles,
      NoisySpec spec,
      JobContext ctx,
      long t0)
      throws IOException {
    List<OutputIds.Planned> plan = OutputIds.plan(source.clips(), spec.trainingCopies());
    long total = noiseFiles.size() + plan.size();
    NoiseBank bank = NoiseBank.load(noiseFiles, decoder, spec.sampleRate(), threads, ctx, 0, total);
    if (bank.noises().isEmpty()) {
      throw new IOException(
          "none of the "
              + noiseFiles.size()
              + " noise files can be used: "
              + String.join("; ", bank.problems().subList(0, Math.min(3, bank.problems().size()))));
    }
    KeywordMixer mixer = new KeywordMixer(bank, spec);
    KeywordSpan[] spans = new KeywordSpan[plan.size()];
    String[] refusals = new String[plan.size()];
    long base = noiseFiles.size();
    int n = plan.size();
    Parallel.forEach(
        n,
        threads,
        "tkd-noisy",
        ctx,
        d -> ctx.progress(base + d, total, "Mixing clips: " + d + " of " + n),
        i -> {
          OutputIds.Planned p = plan.get(i);
          if (p.problem() != null) {
            refusals[i] = "clip " + p.clip().id() + ": " + p.problem();
          } else {
            try {
              float[] keyword = decoder.decode(p.clip().path(), spec.sampleRate()).samples();
              KeywordMixer.Mixed m = mixer.mix(p.randomKey(), p.outputId(), keyword);
              Path file = tmp.resolve(p.outputId()).normalize();
              if (!file.startsWith(tmp)) { // OutputIds whitelists names; this is the last guard
                throw new IllegalStateException("output id escapes the output: " + p.outputId());
              }
              Files.createDirectories(file.getParent());
              WavWriter.write(file, m.samples(), spec.sampleRate(), WavWriter.Encoding.PCM_16);
              spans[i] = m.span();
            } catch (AudioDecodeException e) {
              refusals[i] = "clip " + p.clip().id() + ": " + withoutPath(e);
            } catch (KeywordMixer.Refused e) {
              refusals[i] = "clip " + p.clip().id() + ": " + e.getMessage();
            } catch (IOException e) {
              throw new IOException(
                  "cannot write " + tmp.resolve(p.outputId()) + ": " + AtomicFiles.describe(e), e);
            }
          }
        });
    ctx.checkCancelled();

    List<KeywordSpan> written = new ArrayList<>();
    List<String> validation = new ArrayList<>();
    List<String> testing = new ArrayList<>();
    List<String> problems = new ArrayList<>(bank.problems());
    java.util.Set<String> refusedSources = new java.util.HashSet<>();
    for (int i = 0; i < plan.size(); i++) {
      OutputIds.Planned p = plan.get(i);
      boolean firstCopy = p.randomKey().equals(p.clip().id());
      if (spans[i] == null) {
        // A source that cannot be used at all is reported once, by its first copy.
        if (firstCopy) {
          refusedSources.add(p.clip().id());
          problems.add(refusals[i]);
        } else if (!refusedSources.contains(p.clip().id())) {
          problems.add(refusals[i]);
        }
        continue;
      }
      written.add(spans[i]);
      Split split = plan.get(i).clip().split();
      if (split == Split.VALIDATION) {
        validation.add(spans[i].clip());
      } else if (split == Split.TEST) {
        testing.add(spans[i].clip());
      }
    }
    int refused = refusedSources.size();
    if (written.isEmpty()) {
      throw new IOException(
          "none of the "
              + plan.size()
              + " clips could be used: "
              + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
    }
    written.sort(Comparator.comparing(KeywordSpan::clip));
    writeText(tmp.resolve(KeywordSpans.FILE_NAME), w -> KeywordSpans.write(w, written));
    writeList(tmp.resolve("validation_list.txt"), validation);
    writeList(tmp.resolve("testing_list.txt"), testing);
    Stats stats = stats(bank, written, (System.nanoTime() - t0) / 1e9);
    NoisyProvenance.write(
        tmp.resolve(SPEC_FILE),
        spec,
        source,
        bank,
        written.size(),
        refused,
        validation.size(),
        testing.size(),
        problems);
    return new Result(target, written.size(), refused, problems, stats);
  }

  private static Stats stats(NoiseBank bank, List<KeywordSpan> spans, double seconds) {
    double minSpan = Double.POSITIVE_INFINITY;
    double maxSpan = 0;
    double sumSpan = 0;
    double minSnr = Double.POSITIVE_INFINITY;
    double maxSnr = Double.NEGATIVE_INFINITY;
    int scaled = 0;
    for (KeywordSpan s : spans) {
      minSpan = Math.min(minSpan, s.durationSeconds());
      maxSpan = Math.max(maxSpan, s.durationSeconds());
      sumSpan += s.durationSeconds();
      minSnr = Math.min(minSnr, s.snrDb());
      maxSnr = Math.max(maxSnr, s.snrDb());
      scaled += s.keywordGain() < 1 ? 1 : 0;
    }
    return new Stats(
        bank.noises().size(),
        bank.problems().size(),
        minSpan,
        sumSpan / spans.size(),
        maxSpan,
        minSnr,
        maxSnr,
        scaled,
        seconds);
  }

  /** The decoder's message without the absolute path it starts with (the clip id says which). */
  private static String withoutPath(AudioDecodeException e) {
    String m = e.getMessage();
    String prefix = e.file() == null ? null : e.file() + ": ";
    return prefix != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  @FunctionalInterface
  private interface TextContent {
    void writeTo(Writer w) throws IOException;
  }

  private static void writeText(Path file, TextContent content) throws IOException {
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
      content.writeTo(w);
    }
  }

  private static void writeList(Path file, List<String> ids) throws IOException {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(Comparator.naturalOrder());
    writeText(
        file,
        w -> {
          for (String id : sorted) {
            w.write(id);
            w.write('\n');
          }
        });
  }

  /**
   * Renames the finished build onto {@code target}. {@code rename(2)} replaces an empty folder and
   * fails on a non-empty one, so a folder that filled up meanwhile is still never overwritten.
   */
  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(target); // only succeeds on an empty folder
      Files.move(tmp, target);
    } catch (FileSystemException e) {
      throw new IOException(
          "cannot move the finished dataset to " + target + ": " + AtomicFiles.describe(e), e);
    }
  }

  /** Removes a temporary build; logs what it cannot remove rather than hiding the real error. */
  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not remove the unfinished build {}: {}", root, e.toString());
    }
  }
}
