package org.tkdworkbench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tkdworkbench.audio.AudioClip;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.SourceFormat;

class FeatureCacheTest {
  private static final FeatureSpec SPEC = FeatureSpec.defaults();

  @TempDir Path tmp;

  /**
   * Stands in for the real decoder: turns the file's bytes into samples (so other bytes give other
   * features), counts its calls, and can be slowed down to force overlapping requests.
   */
  static final class CountingDecoder extends AudioDecoder {
    final AtomicInteger calls = new AtomicInteger();
    volatile long delayMillis;
    volatile AudioDecodeException failure;

    /** Runs inside decode, before the file is read: an edit racing the cache. */
    volatile IoAction duringDecode;

    @Override
    public AudioClip decode(Path file, int targetSampleRate) throws AudioDecodeException {
      calls.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      try {
        Thread.sleep(delayMillis);
        if (duringDecode != null) {
          duringDecode.run();
        }
        byte[] b = Files.readAllBytes(file);
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
          x[i] = (b[i % b.length] / 128f) * (float) Math.sin(i * 0.05);
        }
        return new AudioClip(
            x, targetSampleRate, new SourceFormat("WAVE", "PCM_SIGNED", 16000f, 1, 16, x.length));
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  interface IoAction {
    void run() throws IOException;
  }

  private Path audio(String name, int seed) throws IOException {
    byte[] b = new byte[3000];
    new java.util.Random(seed).nextBytes(b);
    return Files.write(tmp.resolve(name), b);
  }

  private List<Path> cacheFiles(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void secondGetIsServedFromDiskWithoutDecoding() throws Exception {
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(dir);

    float[][] first = cache.get(wav, SPEC, decoder);
    float[][] second = cache.get(wav, SPEC, decoder);
    float[][] fromNewInstance = new FeatureCache(dir).get(wav, SPEC, decoder);

    assertThat(decoder.calls).hasValue(1);
    float[][] direct = new LogMelExtractor(SPEC).compute(decoder.decode(wav, 16000).samples());
    assertThat(first).isDeepEqualTo(direct);
    assertThat(second).isDeepEqualTo(direct);
    assertThat(fromNewInstance).isDeepEqualTo(direct);

    List<Path> files = cacheFiles(dir);
    assertThat(files).hasSize(1);
    Path file = files.get(0);
    String key = file.getFileName().toString().replace(FeatureCache.SUFFIX, "");
    assertThat(key).matches("[0-9a-f]{64}");
    assertThat(file.getParent().getFileName().toString()).isEqualTo(key.substring(0, 2));
    assertThat(Files.size(file)).isEqualTo(FeatureCache.HEADER_BYTES + 4L * 26 * 40 + 4);
  }

  @Test
  void returnedMatrixIsTheCallersOwn() throws Exception {
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(tmp.resolve("cache"));
    float[][] first = cache.get(wav, SPEC, decoder);
    float[][] pristine = cache.get(wav, SPEC, decoder);
    first[0][0] = 12345f;
    assertThat(cache.get(wav, SPEC, decoder)).isDeepEqualTo(pristine);
  }

  @Test
  void anotherSpecMissesButAnEquivalentOneHits() throws Exception {
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(tmp.resolve("cache"));

    cache.get(wav, SPEC, decoder);
    float[][] other = cache.get(wav, new FeatureSpec(16000, 512, 400, 128, 40, 0.0, null), decoder);
    assertThat(decoder.calls).hasValue(2);
    assertThat(other).hasNumberOfRows(1 + 4000 / 128);
    cache.get(wav, new FeatureSpec(16000, 512, 400, 160, 40, 20.0, null), decoder);
    assertThat(decoder.calls).hasValue(3);

    // fmax unset means Nyquist: the same features, so the same entry.
    cache.get(wav, new FeatureSpec(16000, 512, 400, 160, 40, 0.0, 8000.0), decoder);
    assertThat(decoder.calls).hasValue(3);
  }

  @Test
  void keyFollowsTheFileContentNotItsPath() throws Exception {
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(tmp.resolve("cache"));
    float[][] original = cache.get(wav, SPEC, decoder);

    Path copy = Files.copy(wav, tmp.resolve("copy-of-a.wav"));
    assertThat(cache.get(copy, SPEC, decoder)).isDeepEqualTo(original);
    assertThat(decoder.calls).hasValue(1);

    byte[] edited = Files.readAllBytes(wav);
    edited[10] ^= 0x55;
    Files.write(wav, edited);
    float[][] changed = cache.get(wav, SPEC, decoder);
    assertThat(decoder.calls).hasValue(2);
    assertThat(changed).isNotEqualTo(original);
  }

  @Test
  void truncatedOrCorruptEntriesAreRecomputedNotReturned() throws Exception {
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(dir);
    float[][] good = cache.get(wav, SPEC, decoder);
    Path file = cacheFiles(dir).get(0);
    byte[] bytes = Files.readAllBytes(file);

    // Truncated: half a file (a crash mid-write without the atomic rename would leave this).
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(cache.get(wav, SPEC, decoder)).isDeepEqualTo(good);
    assertThat(decoder.calls).hasValue(2);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);

    // One flipped bit in the data: same length, header intact; the checksum catches it.
    byte[] flipped = bytes.clone();
    flipped[FeatureCache.HEADER_BYTES + 100] ^= 0x01;
    Files.write(file, flipped);
    assertThat(cache.get(wav, SPEC, decoder)).isDeepEqualTo(good);
    assertThat(decoder.calls).hasValue(3);

    // Garbage, an empty file, and a header claiming another shape.
    for (byte[] junk : List.of("not a cache file".getBytes(), new byte[0], wrongShape(bytes))) {
      Files.write(file, junk);
      assertThat(cache.get(wav, SPEC, decoder)).isDeepEqualTo(good);
    }
    assertThat(decoder.calls).hasValue(6);
    assertThat(cache.get(wav, SPEC, decoder)).isDeepEqualTo(good);
    assertThat(decoder.calls).hasValue(6);
  }

  private static byte[] wrongShape(byte[] bytes) {
    byte[] b = bytes.clone();
    b[8] = 7; // frames field (little-endian int at offset 8)
    b[9] = 0;
    return b;
  }

  @Test
  void entryStoredUnderAnotherKeyIsNotTrusted() throws Exception {
    Path dir = tmp.resolve("cache");
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(dir);
    Path a = audio("a.wav", 1);
    Path b = audio("b.wav", 2);
    cache.get(a, SPEC, decoder);
    float[][] fb = cache.get(b, SPEC, decoder);
    List<Path> files = cacheFiles(dir);
    assertThat(files).hasSize(2);
    // Swap the two files' contents: each is valid, but holds the other clip's key.
    byte[] first = Files.readAllBytes(files.get(0));
    Files.write(files.get(0), Files.readAllBytes(files.get(1)));
    Files.write(files.get(1), first);

    assertThat(cache.get(b, SPEC, decoder)).isDeepEqualTo(fb);
    assertThat(decoder.calls).hasValue(3);
  }

  @Test
  void decodeFailurePropagatesAndCachesNothing() throws Exception {
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    decoder.failure =
        new AudioDecodeException(wav, AudioDecodeException.Reason.TRUNCATED, "data chunk cut");
    FeatureCache cache = new FeatureCache(dir);

    assertThatThrownBy(() -> cache.get(wav, SPEC, decoder)).isSameAs(decoder.failure);
    assertThat(cacheFiles(dir)).isEmpty();

    decoder.failure = null;
    cache.get(wav, SPEC, decoder);
    assertThat(decoder.calls).hasValue(2);
  }

  @Test
  void missingFileOrFolderIsADecodeErrorNamingTheFile() throws Exception {
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(tmp.resolve("cache"));
    Path missing = tmp.resolve("nope.wav");
    AudioDecodeException e =
        catchThrowableOfType(AudioDecodeException.class, () -> cache.get(missing, SPEC, decoder));
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(AudioDecodeException.Reason.NOT_FOUND);
    assertThat(e.file()).isEqualTo(missing);
    assertThat(e).hasMessageStartingWith(missing + ": file not found");

    Path folder = Files.createDirectory(tmp.resolve("folder.wav"));
    e = catchThrowableOfType(AudioDecodeException.class, () -> cache.get(folder, SPEC, decoder));
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(AudioDecodeException.Reason.NOT_READABLE);
    assertThat(e).hasMessageStartingWith(folder.toString()).hasMessageContaining("directory");
    assertThat(decoder.calls).hasValue(0);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aNamedPipeIsRefusedBeforeHashingInsteadOfBlocking() throws Exception {
    Path fifo = tmp.resolve("pipe.wav");
    int made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    } catch (IOException e) {
      made = -1;
    }
    assumeTrue(made == 0, "mkfifo is not available");
    FeatureCache cache = new FeatureCache(tmp.resolve("cache"));
    CountingDecoder decoder = new CountingDecoder();

    // Hashing would open the pipe and wait for a writer that never comes.
    AudioDecodeException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                catchThrowableOfType(
                    AudioDecodeException.class, () -> cache.get(fifo, SPEC, decoder)));
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(AudioDecodeException.Reason.NOT_READABLE);
    assertThat(e)
        .hasMessageStartingWith(fifo.toString())
        .hasMessageContaining("not a regular file");
  }

  private static String hexKey(Path audio) throws IOException {
    return HexFormat.of().formatHex(FeatureCache.key(FeatureCache.sha256(audio), SPEC));
  }

  /** Collects what FeatureCache logs while {@code body} runs. */
  private static List<ILoggingEvent> logged(Callable<?> body) throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(FeatureCache.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      body.call();
    } finally {
      logger.detachAppender(appender);
    }
    return appender.list;
  }

  @Test
  void anUnwritableCacheStillReturnsTheFeaturesAndWarnsOnce() throws Exception {
    // A regular file where the entry's fan-out folder belongs: reading the entry fails with
    // "Not a directory" and so does creating the folder, even for root (a read-only folder
    // would not stop root).
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    Path blocker = dir.resolve(hexKey(wav).substring(0, 2));
    Files.createDirectories(dir);
    Files.writeString(blocker, "in the way");
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(dir);
    float[][] direct = new LogMelExtractor(SPEC).compute(decoder.decode(wav, 16000).samples());

    List<float[][]> results = new ArrayList<>();
    List<ILoggingEvent> log =
        logged(
            () -> {
              results.add(cache.get(wav, SPEC, decoder));
              results.add(cache.get(wav, SPEC, decoder));
              return null;
            });

    assertThat(results).allSatisfy(r -> assertThat(r).isDeepEqualTo(direct));
    assertThat(decoder.calls).hasValue(3); // nothing could be kept, so each get decodes
    assertThat(Files.readString(blocker)).isEqualTo("in the way");
    assertThat(log)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains(blocker.toString()));
  }

  @Test
  void aFolderWhereTheEntryShouldBeIsAMissNotAFailure() throws Exception {
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    FeatureCache cache = new FeatureCache(dir);
    Path entry = cache.pathFor(hexKey(wav));
    Files.createDirectories(entry.resolve("something"));
    CountingDecoder decoder = new CountingDecoder();
    float[][] direct = new LogMelExtractor(SPEC).compute(decoder.decode(wav, 16000).samples());

    assertThat(cache.get(wav, SPEC, decoder)).isDeepEqualTo(direct);
    assertThat(Files.isDirectory(entry.resolve("something"))).isTrue();
  }

  @Test
  void aFileEditedWhileItIsDecodedIsNotStoredUnderItsOldKey() throws Exception {
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(dir);
    // Hashed as it was, then grown before the decoder reads it.
    decoder.duringDecode = () -> Files.write(wav, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

    float[][] racing = cache.get(wav, SPEC, decoder);

    float[][] ofNewContent =
        new LogMelExtractor(SPEC).compute(new CountingDecoder().decode(wav, 16000).samples());
    assertThat(racing).isDeepEqualTo(ofNewContent);
    assertThat(cacheFiles(dir)).isEmpty();

    decoder.duringDecode = null;
    assertThat(cache.get(wav, SPEC, decoder)).isDeepEqualTo(ofNewContent);
    assertThat(cacheFiles(dir)).hasSize(1);
    assertThat(cache.get(wav, SPEC, decoder)).isDeepEqualTo(ofNewContent);
    assertThat(decoder.calls).hasValue(2);
  }

  @Test
  void anEditOfTheSameSizeIsCaughtByTheModificationTime() throws Exception {
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    FeatureCache cache = new FeatureCache(dir);
    FileTime before = Files.getLastModifiedTime(wav);
    decoder.duringDecode =
        () -> {
          byte[] b = Files.readAllBytes(wav);
          b[0] ^= 0x55;
          Files.write(wav, b);
          // Coarse timestamps could make a quick rewrite look untouched; this one surely differs.
          Files.setLastModifiedTime(wav, FileTime.fromMillis(before.toMillis() + 10_000));
        };

    cache.get(wav, SPEC, decoder);

    assertThat(cacheFiles(dir)).isEmpty();
  }

  @Test
  void concurrentGetsOfOneKeyDecodeOnceAndAgree() throws Exception {
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    decoder.delayMillis = 300; // long enough for every thread to arrive while it runs
    FeatureCache cache = new FeatureCache(dir);

    List<float[][]> results = runTogether(8, () -> cache.get(wav, SPEC, decoder));

    assertThat(decoder.calls).hasValue(1);
    for (float[][] r : results) {
      assertThat(r).isDeepEqualTo(results.get(0));
    }
    assertThat(cacheFiles(dir)).hasSize(1);
  }

  @Test
  void concurrentWritersOfOneEntryLeaveOneWholeFileAndNoTemporaries() throws Exception {
    // Separate FeatureCache instances share nothing in memory, like separate processes: each
    // computes and writes; the renames must leave exactly one complete entry.
    Path dir = tmp.resolve("cache");
    Path wav = audio("a.wav", 1);
    CountingDecoder decoder = new CountingDecoder();
    decoder.delayMillis = 100;

    List<float[][]> results = runTogether(6, () -> new FeatureCache(dir).get(wav, SPEC, decoder));

    assertThat(decoder.calls.get()).isGreaterThan(1);
    for (float[][] r : results) {
      assertThat(r).isDeepEqualTo(results.get(0));
    }
    List<Path> files = cacheFiles(dir);
    assertThat(files).hasSize(1);
    assertThat(files.get(0).toString()).endsWith(FeatureCache.SUFFIX);
    int before = decoder.calls.get();
    assertThat(new FeatureCache(dir).get(wav, SPEC, decoder)).isDeepEqualTo(results.get(0));
    assertThat(decoder.calls).hasValue(before);
  }

  @Test
  void readersNeverSeeAPartlyWrittenEntry() throws Exception {
    // Two writers keep replacing one large entry while a reader reads it: with temp file plus
    // atomic rename, every read finds a whole, checksummed file (a truncate-and-write would not).
    Path target = tmp.resolve("cache").resolve("ab").resolve("ab" + "0".repeat(62) + ".logmel");
    byte[] key = new byte[32];
    float[][] a = new float[3000][64];
    float[][] b = new float[3000][64];
    for (float[] row : b) {
      java.util.Arrays.fill(row, 1f);
    }
    FeatureCache.write(target, key, a);

    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> writers = new ArrayList<>();
      for (float[][] m : List.of(a, b)) {
        writers.add(
            pool.submit(
                () -> {
                  int n = 0;
                  while (!stop.get()) {
                    FeatureCache.write(target, key, m);
                    n++;
                  }
                  return n;
                }));
      }
      int reads = 0;
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
      while (System.nanoTime() < end) {
        float[][] seen = FeatureCache.read(target, key, 64);
        assertThat(seen).as("read %d", reads).isNotNull();
        assertThat(seen[0][0]).isEqualTo(seen[2999][63]); // all from one writer
        reads++;
      }
      stop.set(true);
      for (Future<Integer> w : writers) {
        assertThat(w.get()).isPositive();
      }
      assertThat(reads).isPositive();
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    try (Stream<Path> s = Files.list(target.getParent())) {
      assertThat(s.toList()).containsExactly(target);
    }
  }

  private static <T> List<T> runTogether(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return task.call();
                }));
      }
      go.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(30, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
