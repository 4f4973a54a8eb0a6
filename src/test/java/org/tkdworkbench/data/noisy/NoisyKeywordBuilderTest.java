package org.tkdworkbench.data.noisy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.SpeechCommandsIndexer;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.JobContext;

/**
 * The noisy-keyword builder against outside truth: tone bursts in digital silence (known location
 * and power) mixed into noise of known content, every output file read back with Java Sound.
 */
class NoisyKeywordBuilderTest {
  static final int RATE = 16000;

  @TempDir Path tmp;

  /** A row of keyword_spans.csv, parsed here without the code under test. */
  record Row(
      String clip,
      double start,
      double end,
      double snr,
      String noise,
      double noiseStart,
      double offset,
      double keywordGain) {}

  static Map<String, Row> readSpans(Path dir) throws IOException {
    String text = Files.readString(dir.resolve("keyword_spans.csv"), StandardCharsets.UTF_8);
    assertThat(text).as("\\n line ends on every platform").doesNotContain("\r").endsWith("\n");
    List<String> lines =
        Files.readAllLines(dir.resolve("keyword_spans.csv"), StandardCharsets.UTF_8);
    List<String> h = List.of(lines.get(0).split(","));
    assertThat(h.subList(0, 3)).containsExactly("clip", "start_s", "end_s");
    Map<String, Row> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.put(
          f[0],
          new Row(
              f[0],
              d(f[h.indexOf("start_s")]),
              d(f[h.indexOf("end_s")]),
              d(f[h.indexOf("snr_db")]),
              f[h.indexOf("noise")],
              d(f[h.indexOf("noise_start_s")]),
              d(f[h.indexOf("offset_s")]),
              d(f[h.indexOf("keyword_gain")])));
    }
    return rows;
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }

  private static NoisyKeywordBuilder.Result build(
      Path source, List<Path> noise, NoisySpec spec, Path out, int threads) throws IOException {
    DatasetIndex index = SpeechCommandsIndexer.index(source, JobContext.none());
    return new NoisyKeywordBuilder(new AudioDecoder(Optional.empty()), threads)
        .build(index, noise, spec, out, JobContext.none());
  }

  /** {@code n} clips alternating two labels and the three splits, each a 1 kHz burst. */
  private Path burstDataset(
      String name, int n, int clipSamples, int burstStart, int burstLen, int rate)
      throws IOException {
    List<Fixtures.Kw> clips = new ArrayList<>();
    String[] splits = {"train", "train", "validation", "test"};
    for (int i = 0; i < n; i++) {
      double amp = 0.05 + 0.85 * ((i * 7) % n) / (double) n;
      String id =
          (i % 2 == 0 ? "yes" : "no") + "/" + String.format("%08x_nohash_0.wav", 0x1000 + i);
      clips.add(
          new Fixtures.Kw(
              id,
              Fixtures.burst(clipSamples, burstStart, burstStart + burstLen, 1000, amp, rate),
              splits[i % 4]));
    }
    return Fixtures.dataset(tmp.resolve(name), rate, clips);
  }

  private Path noiseFile(String name, double[] x) throws IOException {
    Path p = tmp.resolve("noise").resolve(name);
    Fixtures.writeWav(p, x, RATE);
    return p;
  }

  @Test
  void achievedSnrMeasuredFromTheWrittenFileMatchesTheDrawnOne() throws IOException {
    // Keyword = 1 kHz tone, noise = 2.75 kHz tone: a least-squares fit of both sines over the span
    // separates them in the written file, whatever gains, excerpt or headroom scaling were used.
    Path src = burstDataset("src", 24, 8000, 1200, 4000, RATE);
    Path hum = noiseFile("hum.wav", Fixtures.tone(5 * RATE, 2750, 0.3, RATE));
    Path out = tmp.resolve("out");
    NoisyKeywordBuilder.Result r =
        build(src, List.of(hum), new NoisySpec(1.5, -6, 6, 7, RATE), out, 2);
    assertThat(r.written()).isEqualTo(24);
    Map<String, Row> rows = readSpans(out);
    int scaled = 0;
    for (Row row : rows.values()) {
      double[] y = Fixtures.readWav(out.resolve(row.clip()));
      int a = (int) Math.round(row.start() * RATE);
      int b = (int) Math.round(row.end() * RATE);
      assertThat(b - a).as("span of the 0.25 s burst").isBetween(3984, 4000);
      double[][] fit = Fixtures.fitSines(y, a, b, RATE, 1000, 2750);
      double pk = Fixtures.sinePower(fit[0][0], fit[0][1], 1000, a, b, RATE);
      double pn = Fixtures.sinePower(fit[1][0], fit[1][1], 2750, a, b, RATE);
      assertThat(10 * Math.log10(pk / pn)).as(row.clip()).isCloseTo(row.snr(), within(0.5));
      assertThat(row.snr()).isBetween(-6.0, 6.0);
      if (row.keywordGain() < 1) {
        scaled++;
        double peak = 0;
        for (double v : y) {
          peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak * 32768).as("scaled to full scale, not clipped").isEqualTo(32767.0);
      }
      for (double v : y) {
        assertThat(v).isGreaterThan(-1.0); // -32768 would mean a clamp happened
      }
    }
    assertThat(scaled).as("loud keywords at -6 dB need headroom scaling").isPositive();
    assertThat(r.stats().scaledForHeadroom()).isEqualTo(scaled);
  }

  @Test
  void subtractingTheNoiseExcerptLeavesTheKeywordOnlyInsideTheSpan() throws IOException {
    Path src = burstDataset("src", 10, RATE, 3000, 6400, RATE); // 0.4 s word in a 1 s clip
    Path white = noiseFile("white.wav", Fixtures.white(5 * RATE, 0.1, 11));
    Path out = tmp.resolve("out");
    build(src, List.of(white), new NoisySpec(1.5, -6, 6, 3, RATE), out, 2);
    double[] noise = Fixtures.readWav(white);
    for (Row row : readSpans(out).values()) {
      assertThat(row.noise()).isEqualTo("white.wav");
      double[] y = Fixtures.readWav(out.resolve(row.clip()));
      int a = (int) Math.round(row.start() * RATE);
      int b = (int) Math.round(row.end() * RATE);
      assertThat((b - a) / (double) RATE).isCloseTo(0.4, within(0.001));
      int ns = (int) Math.round(row.noiseStart() * RATE);
      double[] ex = java.util.Arrays.copyOfRange(noise, ns, ns + y.length);
      // The noise gain, estimated where there is no keyword.
      double num = 0;
      double den = 0;
      for (int i = 0; i < y.length; i++) {
        if (i < a || i >= b) {
          num += y[i] * ex[i];
          den += ex[i] * ex[i];
        }
      }
      double g = num / den;
      double inside = 0;
      double noiseInside = 0;
      for (int i = 0; i < y.length; i++) {
        double res = y[i] - g * ex[i];
        if (i < a || i >= b) {
          assertThat(Math.abs(res) * 32768).as("%s residual at %d", row.clip(), i).isLessThan(1.0);
        } else {
          inside += res * res;
          noiseInside += g * ex[i] * g * ex[i];
        }
      }
      assertThat(10 * Math.log10(inside / noiseInside)).isCloseTo(row.snr(), within(0.5));
    }
  }

  @Test
  void clipsHaveExactlyTheRequestedLengthRateLayoutAndSplits() throws IOException {
    // An 8 kHz source: the variant is written at the spec's 16 kHz.
    Path src = burstDataset("src", 8, 4000, 500, 2000, 8000);
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 1));
    Path out = tmp.resolve("nested/out");
    NoisySpec spec = new NoisySpec(1.23456, -3, 3, 1, RATE);
    NoisyKeywordBuilder.Result r = build(src, List.of(white), spec, out, 1);
    assertThat(r.written()).isEqualTo(8);
    assertThat(r.refused()).isZero();
    assertThat(r.output()).isEqualTo(out.toAbsolutePath().normalize());
    for (String id : readSpans(out).keySet()) {
      assertThat(Fixtures.rateOf(out.resolve(id))).isEqualTo(RATE);
      assertThat(Fixtures.readWav(out.resolve(id))).hasSize(19753); // round(1.23456 · 16000)
      assertThat(Files.exists(src.resolve(id))).as("same relative id as the source").isTrue();
    }
    assertThat(readSpans(out)).hasSize(8);
    assertThat(Files.readAllLines(out.resolve("validation_list.txt")))
        .containsExactlyInAnyOrderElementsOf(
            Files.readAllLines(src.resolve("validation_list.txt")));
    assertThat(Files.readAllLines(out.resolve("testing_list.txt")))
        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(src.resolve("testing_list.txt")));
    DatasetIndex again = SpeechCommandsIndexer.index(out, JobContext.none());
    assertThat(again.countBySplit())
        .isEqualTo(SpeechCommandsIndexer.index(src, JobContext.none()).countBySplit());

    JsonNode json = new ObjectMapper().readTree(out.resolve("noisy_spec.json").toFile());
    assertThat(json.at("/spec/length_s").asDouble()).isEqualTo(1.23456);
    assertThat(json.at("/spec/seed").asLong()).isEqualTo(1);
    assertThat(json.at("/spec/samples_per_clip").asInt()).isEqualTo(19753);
    assertThat(json.at("/source/root").asText())
        .isEqualTo(src.toAbsolutePath().normalize().toString());
    assertThat(json.at("/counts/written").asInt()).isEqualTo(8);
    assertThat(json.at("/noise_files/0/name").asText()).isEqualTo("white.wav");
    assertThat(json.at("/format_version").asInt()).isEqualTo(1);
  }

  @Test
  void sameSeedGivesIdenticalBytesOnOneOrTwoThreadsAndAnotherSeedDiffers() throws IOException {
    Path src = burstDataset("src", 12, 8000, 1000, 3000, RATE);
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    Path pink = noiseFile("sub/hum.wav", Fixtures.tone(RATE / 2, 130, 0.2, RATE)); // looped
    NoisySpec spec = new NoisySpec(2.0, -6, 6, 42, RATE);
    build(src, List.of(white, pink), spec, tmp.resolve("one"), 1);
    build(src, List.of(pink, white), spec, tmp.resolve("two"), 2); // order of noise files too
    Map<String, byte[]> one = tree(tmp.resolve("one"));
    Map<String, byte[]> two = tree(tmp.resolve("two"));
    assertThat(one.keySet())
        .isEqualTo(two.keySet())
        .contains("keyword_spans.csv", "noisy_spec.json");
    one.forEach((k, v) -> assertThat(two.get(k)).as(k).isEqualTo(v));
    assertThat(readSpans(tmp.resolve("one")).values().stream().map(Row::noise).distinct())
        .containsExactlyInAnyOrder("white.wav", "sub/hum.wav");

    build(src, List.of(white, pink), new NoisySpec(2.0, -6, 6, 43, RATE), tmp.resolve("other"), 2);
    Map<String, byte[]> other = tree(tmp.resolve("other"));
    long differing =
        one.keySet().stream()
            .filter(k -> k.endsWith(".wav") && !java.util.Arrays.equals(one.get(k), other.get(k)))
            .count();
    assertThat(differing).isEqualTo(12);
  }

  @Test
  void aClipComesOutTheSameWhicheverOtherClipsExist() throws IOException {
    Path src = burstDataset("src", 10, 8000, 1000, 3000, RATE);
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    NoisySpec spec = new NoisySpec(2.0, -6, 6, 9, RATE);
    DatasetIndex all = SpeechCommandsIndexer.index(src, JobContext.none());
    List<Clip> some = all.clips().stream().filter(c -> c.id().startsWith("no/")).toList();
    NoisyKeywordBuilder b = new NoisyKeywordBuilder(new AudioDecoder(Optional.empty()), 2);
    b.build(all, List.of(white), spec, tmp.resolve("all"), JobContext.none());
    b.build(
        all.withClips(some, List.of()),
        List.of(white),
        spec,
        tmp.resolve("some"),
        JobContext.none());
    Map<String, Row> allRows = readSpans(tmp.resolve("all"));
    Map<String, Row> someRows = readSpans(tmp.resolve("some"));
    assertThat(someRows).hasSize(5);
    for (String id : someRows.keySet()) {
      assertThat(Files.readAllBytes(tmp.resolve("some").resolve(id)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("all").resolve(id)));
      assertThat(someRows.get(id)).isEqualTo(allRows.get(id));
    }
  }

  @Test
  void offsetsAndSnrsAreSpreadUniformly() throws IOException {
    int rate = 8000;
    List<Fixtures.Kw> clips = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      clips.add(
          new Fixtures.Kw(
              String.format("go/%04d.wav", i),
              Fixtures.burst(800, 0, 800, 700, 0.3, rate),
              "train"));
    }
    Path src = Fixtures.dataset(tmp.resolve("src"), rate, clips);
    Path white = tmp.resolve("white.wav");
    Fixtures.writeWav(white, Fixtures.white(2 * rate, 0.1, 2), rate);
    Path out = tmp.resolve("out");
    DatasetIndex index = SpeechCommandsIndexer.index(src, JobContext.none());
    new NoisyKeywordBuilder(new AudioDecoder(Optional.empty()), 2)
        .build(index, List.of(white), new NoisySpec(0.6, -6, 6, 1, rate), out, JobContext.none());
    List<Row> rows = new ArrayList<>(readSpans(out).values());
    assertThat(rows).hasSize(200);
    double min = 1;
    double max = 0;
    double sum = 0;
    double snrMin = 99;
    double snrMax = -99;
    for (Row r : rows) {
      assertThat(r.offset()).isBetween(0.0, 0.5);
      assertThat(r.start()).isCloseTo(r.offset(), within(1.0 / rate)); // burst fills the clip
      min = Math.min(min, r.offset());
      max = Math.max(max, r.offset());
      sum += r.offset();
      snrMin = Math.min(snrMin, r.snr());
      snrMax = Math.max(snrMax, r.snr());
    }
    assertThat(min).isLessThan(0.025);
    assertThat(max).isGreaterThan(0.475);
    assertThat(sum / rows.size()).isCloseTo(0.25, within(0.04)); // 4 standard errors
    assertThat(snrMin).isBetween(-6.0, -5.0);
    assertThat(snrMax).isBetween(5.0, 6.0);
  }

  @Test
  void cancellingLeavesNoOutputAndNoTemporaryFolder() throws IOException {
    Path src = burstDataset("src", 40, 8000, 1000, 3000, RATE);
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    DatasetIndex index = SpeechCommandsIndexer.index(src, JobContext.none());
    Path parent = tmp.resolve("parent");
    Files.createDirectories(parent);
    Path out = parent.resolve("out");
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    JobContext ctx =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {
            calls.incrementAndGet();
          }

          @Override
          public boolean isCancelled() {
            return calls.get() >= 6;
          }
        };
    assertThatThrownBy(
            () ->
                new NoisyKeywordBuilder(new AudioDecoder(Optional.empty()), 2)
                    .build(index, List.of(white), NoisySpec.defaults(), out, ctx))
        .isInstanceOf(org.tkdworkbench.jobs.CancelledException.class);
    assertThat(calls.get()).isLessThan(20);
    try (Stream<Path> s = Files.list(parent)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void anExistingNonEmptyOutputIsRefusedAndLeftAlone() throws IOException {
    Path src = burstDataset("src", 2, 8000, 1000, 3000, RATE);
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("precious.txt"), "thesis");
    assertThatThrownBy(() -> build(src, List.of(white), NoisySpec.defaults(), out, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output")
        .hasMessageContaining("new or empty");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.toList()).containsExactly(out.resolve("precious.txt"));
    }
    assertThat(Files.readString(out.resolve("precious.txt"))).isEqualTo("thesis");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
    }
    Path inside = src.resolve("noisy");
    assertThatThrownBy(() -> build(src, List.of(white), NoisySpec.defaults(), inside, 2))
        .hasMessageContaining("inside the source");
  }

  @Test
  void anEmptyExistingOutputFolderIsUsed() throws IOException {
    Path src = burstDataset("src", 2, 8000, 1000, 3000, RATE);
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    assertThat(build(src, List.of(white), NoisySpec.defaults(), out, 2).written()).isEqualTo(2);
    assertThat(out.resolve("keyword_spans.csv")).exists();
  }

  @Test
  void unreadableClipsAndNoiseAreRefusedWithReasonsAndTheRestIsWritten() throws IOException {
    Path src = burstDataset("src", 4, 8000, 1000, 3000, RATE);
    Files.writeString(src.resolve("yes/broken.wav"), "not audio at all");
    Fixtures.writeWav(
        src.resolve("no/long.wav"), Fixtures.burst(2 * RATE, 100, 2000, 1000, 0.3, RATE), RATE);
    Fixtures.writeWav(src.resolve("no/silent.wav"), new double[4000], RATE);
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    Path bad = tmp.resolve("noise/bad.wav");
    Files.writeString(bad, "garbage");
    Path quiet = noiseFile("quiet.wav", new double[RATE]);
    Path out = tmp.resolve("out");
    NoisyKeywordBuilder.Result r =
        build(src, List.of(white, bad, quiet), new NoisySpec(1.5, -6, 6, 1, RATE), out, 2);
    assertThat(r.written()).isEqualTo(4);
    assertThat(r.refused()).isEqualTo(3);
    assertThat(r.stats().noiseRefused()).isEqualTo(2);
    assertThat(r.problems()).hasSize(5);
    assertThat(r.problems())
        .anyMatch(p -> p.contains("yes/broken.wav") && p.contains("not an audio file"));
    assertThat(r.problems())
        .anyMatch(p -> p.contains("no/long.wav") && p.contains("longer than the 1.500 s"));
    assertThat(r.problems()).anyMatch(p -> p.contains("no/silent.wav") && p.contains("silent"));
    assertThat(r.problems())
        .anyMatch(p -> p.contains("bad.wav") && p.contains("not an audio file"));
    assertThat(r.problems()).anyMatch(p -> p.contains("quiet.wav") && p.contains("silent"));
    assertThat(readSpans(out)).hasSize(4).doesNotContainKey("yes/broken.wav");
    assertThat(out.resolve("yes/broken.wav")).doesNotExist();
  }

  @Test
  void trainingClipsAreCopiedWithTheirOwnDrawsAndTheFirstCopyIsTheOneCopyClip() throws IOException {
    Path src = burstDataset("src", 8, 8000, 1000, 3000, RATE); // 4 train, 2 validation, 2 test
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    NoisySpec one = new NoisySpec(2.0, -6, 6, 3, RATE);
    build(src, List.of(white), one, tmp.resolve("one"), 2);
    NoisyKeywordBuilder.Result r = build(src, List.of(white), one.withTrainingCopies(3), tmp.resolve("three"), 2);
    assertThat(r.written()).isEqualTo(4 * 3 + 2 + 2);
    assertThat(r.refused()).isZero();

    Map<String, Row> spans = readSpans(tmp.resolve("three"));
    assertThat(spans).hasSize(16);
    DatasetIndex index = SpeechCommandsIndexer.index(tmp.resolve("three"), JobContext.none());
    assertThat(index.countBySplit())
        .containsEntry(Split.TRAIN, 12)
        .containsEntry(Split.VALIDATION, 2)
        .containsEntry(Split.TEST, 2);
    Map<String, byte[]> oneTree = tree(tmp.resolve("one"));
    for (Clip c : SpeechCommandsIndexer.index(src, JobContext.none()).clips()) {
      // Copy 1 (and every validation/test clip) is byte for byte the clip of a one-copy build.
      assertThat(Files.readAllBytes(tmp.resolve("three").resolve(c.id()))).isEqualTo(oneTree.get(c.id()));
      String stem = c.id().substring(0, c.id().length() - 4);
      if (c.split() != Split.TRAIN) {
        assertThat(tmp.resolve("three").resolve(stem + "-copy2.wav")).doesNotExist();
        continue;
      }
      Row first = spans.get(c.id());
      Row second = spans.get(stem + "-copy2.wav");
      Row third = spans.get(stem + "-copy3.wav");
      assertThat(second).as(c.id() + " copy 2").isNotNull();
      assertThat(third).as(c.id() + " copy 3").isNotNull();
      // Each copy has its own offset and SNR (continuous draws: equal only by a fluke).
      assertThat(List.of(first.offset(), second.offset(), third.offset())).doesNotHaveDuplicates();
      assertThat(List.of(first.snr(), second.snr(), third.snr())).doesNotHaveDuplicates();
      // The keyword is the same recording: each span is as long as the burst (3000 samples).
      for (Row row : List.of(first, second, third)) {
        assertThat(row.end() - row.start()).isCloseTo(3000.0 / RATE, within(0.02));
      }
      // and the speaker id (before _nohash_) is kept, so speaker-based splits still hold.
      assertThat(index.clips().stream().filter(x -> x.id().startsWith(stem)).map(Clip::split).distinct())
          .containsExactly(Split.TRAIN);
    }
    JsonNode json = new ObjectMapper().readTree(tmp.resolve("three").resolve("noisy_spec.json").toFile());
    assertThat(json.at("/spec/training_copies").asInt()).isEqualTo(3);
  }

  @Test
  void anUnusableSourceClipIsReportedOnceHoweverManyCopiesWereAsked() throws IOException {
    Path src = burstDataset("src", 4, 8000, 1000, 3000, RATE);
    Files.writeString(src.resolve("yes/broken.wav"), "not audio at all"); // a training clip
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    NoisyKeywordBuilder.Result r =
        build(src, List.of(white), new NoisySpec(1.5, -6, 6, 1, RATE, 4), tmp.resolve("out"), 2);
    assertThat(r.refused()).isEqualTo(1);
    assertThat(r.problems()).hasSize(1).allMatch(p -> p.contains("yes/broken.wav"));
    assertThat(r.written()).isEqualTo(2 * 4 + 1 + 1);
    assertThat(new NoisySpec(1.5, -6, 6, 1, RATE, 0).validate())
        .containsExactly("noisy.copies: must be in 1..100, found 0");
    assertThat(new NoisySpec(1.5, -6, 6, 1, RATE, NoisySpec.MAX_COPIES + 1).validate())
        .anyMatch(p -> p.startsWith("noisy.copies:"));
  }

  @Test
  void noiseShorterThanTheClipIsLoopedWithoutGaps() throws IOException {
    Path src = burstDataset("src", 3, 8000, 1000, 3000, RATE);
    Path shortNoise = noiseFile("short.wav", Fixtures.white((int) (0.3 * RATE), 0.1, 8));
    Path out = tmp.resolve("out");
    build(src, List.of(shortNoise), new NoisySpec(2.0, 0, 0, 1, RATE), out, 2);
    for (Row row : readSpans(out).values()) {
      double[] y = Fixtures.readWav(out.resolve(row.clip()));
      assertThat(y).hasSize(2 * RATE);
      int a = (int) Math.round(row.start() * RATE);
      int b = (int) Math.round(row.end() * RATE);
      List<Double> levels = new ArrayList<>();
      for (int w = 0; w + 800 <= y.length; w += 800) {
        if (w + 800 <= a || w >= b) {
          double p = 0;
          for (int i = w; i < w + 800; i++) {
            p += y[i] * y[i];
          }
          levels.add(Math.sqrt(p / 800));
        }
      }
      double mean = levels.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertThat(levels).allSatisfy(l -> assertThat(l / mean).isBetween(0.75, 1.3));
    }
  }

  @Test
  void multiLabelSourcesAndBadSpecsAreRefusedBeforeAnythingIsWritten() throws IOException {
    Path white = noiseFile("white.wav", Fixtures.white(RATE, 0.1, 5));
    Path root = tmp.resolve("fsd");
    Files.createDirectories(root);
    DatasetIndex multi =
        new DatasetIndex(
            root,
            Layout.FSD50K,
            LayoutOptions.defaults(),
            List.of(new Clip("a.wav", root.resolve("a.wav"), List.of("Bark", "Dog"), Split.TRAIN)),
            List.of(),
            List.of("Bark", "Dog"),
            true,
            List.of(),
            List.of());
    NoisyKeywordBuilder b = new NoisyKeywordBuilder(new AudioDecoder(Optional.empty()));
    assertThatThrownBy(
            () ->
                b.build(
                    multi,
                    List.of(white),
                    NoisySpec.defaults(),
                    tmp.resolve("o1"),
                    JobContext.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source: FSD50K is a multi-label dataset");
    DatasetIndex single = multi.withClips(List.of(), List.of());
    assertThatThrownBy(
            () ->
                b.build(
                    single,
                    List.of(white),
                    new NoisySpec(-1, 6, -6, 1, RATE),
                    tmp.resolve("o2"),
                    JobContext.none()))
        .hasMessageContaining("noisy.length")
        .hasMessageContaining("noisy.snr");
    assertThatThrownBy(
            () ->
                b.build(
                    single, List.of(), NoisySpec.defaults(), tmp.resolve("o3"), JobContext.none()))
        .hasMessageContaining("noise");
    assertThat(tmp.resolve("o1")).doesNotExist();
    assertThat(tmp.resolve("o2")).doesNotExist();
  }

  @Test
  void oneMultiLabelClipOfAManifestIsRefusedAloneAndTheRestIsWritten() throws IOException {
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    Path root = tmp.resolve("manifest");
    double[] kw = Fixtures.burst(8000, 1000, 4000, 1000, 0.5, RATE);
    for (String f : List.of("a.wav", "b.wav", "c.wav")) {
      Fixtures.writeWav(root.resolve("clips/" + f), kw, RATE);
    }
    Files.writeString(
        root.resolve("manifest.csv"),
        "path,label\nclips/a.wav,yes\nclips/b.wav,yes;no\nclips/c.wav,no\n");
    DatasetIndex index =
        org.tkdworkbench.data.Datasets.index(
            root, Layout.MANIFEST, LayoutOptions.defaults(), JobContext.none());
    assertThat(index.multiLabel()).isTrue();
    NoisyKeywordBuilder.Result r =
        new NoisyKeywordBuilder(new AudioDecoder(Optional.empty()), 1)
            .build(
                index, List.of(white), NoisySpec.defaults(), tmp.resolve("o"), JobContext.none());
    assertThat(r.written()).isEqualTo(2);
    assertThat(r.refused()).isEqualTo(1);
    assertThat(r.problems()).anyMatch(p -> p.contains("clips/b.wav") && p.contains("2 labels"));
  }

  @Test
  void outputIdsKeepSpeechCommandsIdsAndPutOtherPathsWholeUnderTheLabel() {
    Path p = Path.of("/x");
    List<OutputIds.Planned> plan =
        OutputIds.plan(
            List.of(
                new Clip("yes/a.wav", p, "yes", Split.TRAIN),
                new Clip("yes/A.wav", p, "yes", Split.TRAIN),
                new Clip("yes/deep/b.flac", p, "yes", Split.TRAIN),
                new Clip("audio/1-100-A-0.wav", p, "dog", Split.TRAIN),
                new Clip("other/1-100-A-0.WAV", p, "dog", Split.TRAIN),
                new Clip("x/c.wav", p, "..", Split.TRAIN)));
    Map<String, String> ids = ids(plan);
    assertThat(ids)
        .containsEntry("yes/A.wav", "yes/A.wav")
        .containsEntry("yes/deep/b.flac", "yes/deep/b.wav")
        .containsEntry("audio/1-100-A-0.wav", "dog/audio/1-100-A-0.wav")
        .containsEntry("other/1-100-A-0.WAV", "dog/other/1-100-A-0.WAV");
    assertThat(ids.get("yes/a.wav")).startsWith("refused: another clip is already written as");
    assertThat(ids.get("x/c.wav")).startsWith("refused: label");

    // ESC-50: every clip sits in audio/, which is dropped.
    assertThat(
            ids(
                OutputIds.plan(
                    List.of(
                        new Clip("audio/1-100-A-0.wav", p, "dog", Split.TRAIN),
                        new Clip("audio/1-101-A-1.wav", p, "rain", Split.TRAIN)))))
        .containsEntry("audio/1-100-A-0.wav", "dog/1-100-A-0.wav")
        .containsEntry("audio/1-101-A-1.wav", "rain/1-101-A-1.wav");
  }

  @Test
  void namesThatWindowsOrAReaderWouldMangleAreRefusedPerClipWithAReason() {
    Path p = Path.of("/x");
    Map<String, String> ids =
        ids(
            OutputIds.plan(
                List.of(
                    new Clip("m/a.wav", p, "C:", Split.TRAIN),
                    new Clip("m/b.wav", p, "_background_noise_", Split.TRAIN),
                    new Clip("m/c.wav", p, ".hidden", Split.TRAIN),
                    new Clip("m/d?.wav", p, "yes", Split.TRAIN),
                    new Clip("m/e<f>.wav", p, "yes", Split.TRAIN),
                    new Clip("m/g.wav", p, "no ", Split.TRAIN),
                    new Clip("n/café +1_x-y.wav", p, "naïve", Split.TRAIN),
                    new Clip(
                        "n/sub/\u043f\u0440\u0438\u0432\u0435\u0442.wav", p, "日本", Split.TRAIN))));
    assertThat(ids.get("m/a.wav")).startsWith("refused: label 'C:'").contains("':'");
    assertThat(ids.get("m/b.wav")).startsWith("refused: label").contains("noise");
    assertThat(ids.get("m/c.wav")).startsWith("refused: label").contains("hidden");
    assertThat(ids.get("m/d?.wav")).startsWith("refused: its id").contains("'?'");
    assertThat(ids.get("m/e<f>.wav")).startsWith("refused: its id").contains("'<'");
    assertThat(ids.get("m/g.wav")).startsWith("refused: label").contains("Windows");
    assertThat(ids)
        .containsEntry("n/café +1_x-y.wav", "naïve/n/café +1_x-y.wav")
        .containsEntry(
            "n/sub/\u043f\u0440\u0438\u0432\u0435\u0442.wav",
            "日本/n/sub/\u043f\u0440\u0438\u0432\u0435\u0442.wav");
  }

  @Test
  void splitFoldersAndManifestSpeakerFoldersDoNotCollide() {
    Path p = Path.of("/x");
    List<Clip> folders = new ArrayList<>();
    for (String split : List.of("train", "valid", "test")) {
      for (String label : List.of("yes", "no")) {
        for (int i = 0; i < 2; i++) {
          folders.add(
              new Clip(
                  split + "/" + label + "/" + i + ".wav",
                  p,
                  label,
                  Split.fromName(split).orElseThrow()));
        }
      }
    }
    Map<String, String> ids = ids(OutputIds.plan(folders));
    assertThat(ids.values()).doesNotHaveDuplicates().noneMatch(v -> v.startsWith("refused"));
    assertThat(ids)
        .containsEntry("train/yes/0.wav", "yes/train/0.wav")
        .containsEntry("valid/yes/0.wav", "yes/valid/0.wav")
        .containsEntry("test/no/1.wav", "no/test/1.wav");

    Map<String, String> manifest =
        ids(
            OutputIds.plan(
                List.of(
                    new Clip("clips/spk1/0.wav", p, "yes", Split.TRAIN),
                    new Clip("clips/spk2/0.wav", p, "yes", Split.TRAIN))));
    assertThat(manifest)
        .containsEntry("clips/spk1/0.wav", "yes/spk1/0.wav")
        .containsEntry("clips/spk2/0.wav", "yes/spk2/0.wav");
  }

  @Test
  void aSplitFolderSourceKeepsEveryClipAndItsSplit() throws IOException {
    Path src = tmp.resolve("splitsrc");
    for (String split : List.of("train", "valid", "test")) {
      for (String label : List.of("yes", "no")) {
        for (int i = 0; i < 2; i++) {
          Fixtures.writeWav(
              src.resolve(split + "/" + label + "/" + i + ".wav"),
              Fixtures.burst(8000, 1000, 4000, 1000, 0.5, RATE),
              RATE);
        }
      }
    }
    Path white = noiseFile("white.wav", Fixtures.white(3 * RATE, 0.1, 5));
    DatasetIndex index =
        org.tkdworkbench.data.Datasets.index(
            src, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    assertThat(index.clips()).hasSize(12);
    Path out = tmp.resolve("splitout");
    NoisyKeywordBuilder.Result r =
        new NoisyKeywordBuilder(new AudioDecoder(Optional.empty()), 1)
            .build(index, List.of(white), NoisySpec.defaults(), out, JobContext.none());
    assertThat(r.written()).isEqualTo(12);
    assertThat(r.refused()).isZero();
    DatasetIndex again = SpeechCommandsIndexer.index(out, JobContext.none());
    assertThat(again.countBySplit()).isEqualTo(index.countBySplit());
    assertThat(Files.readAllLines(out.resolve("testing_list.txt")))
        .containsExactly("no/test/0.wav", "no/test/1.wav", "yes/test/0.wav", "yes/test/1.wav");
  }

  private static Map<String, String> ids(List<OutputIds.Planned> plan) {
    Map<String, String> ids = new HashMap<>();
    plan.forEach(
        pl ->
            ids.put(
                pl.clip().id(),
                pl.outputId() != null ? pl.outputId() : "refused: " + pl.problem()));
    return ids;
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
