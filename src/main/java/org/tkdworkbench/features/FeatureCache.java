package org.tkdworkbench.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tkdworkbench.audio.AudioClip;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.workspace.AtomicFiles;

/**
 * Log-mel matrices on disk, keyed by what determines them, so opening a clip a second time reads a
 * few KB instead of decoding and transforming it.
 *
 * <p>The cache only ever saves work: an entry that cannot be read (permissions, a folder in its
 * place) is a miss, and one that cannot be written (read-only or full workspace) is skipped, with a
 * warning the first time; either way the caller gets the features.
 *
 * <h2>Key</h2>
 *
 * {@code key = hex(SHA-256("tkd-logmel/v" + FORMAT_VERSION + "\n" + canonicalSpec + "\n" +
 * hex(SHA-256(file bytes))))}. The file's <em>content</em>, not its path or timestamp, is hashed
 * (once per {@link #get} call, streamed), so a renamed or copied file still hits and an edited one
 * misses. The decoder reads the file a second time; if its size or modification time changed since
 * it was hashed, the features are returned but not stored, so they never sit under a key for other
 * bytes. {@code canonicalSpec} lists every {@link FeatureSpec} field with the upper edge resolved
 * ({@code fmax} unset and {@code fmax = sr/2} compute the same thing, so they share entries).
 * Changing the feature code's output means bumping {@link #FORMAT_VERSION}; old files are then
 * simply never looked up again.
 *
 * <h2>File</h2>
 *
 * {@code dir/<first 2 hex digits of key>/<key>.logmel} (the fan-out keeps directories small), all
 * little-endian:
 *
 * <pre>
 *   int32  magic 0x4D4C4B54 ("TKLM")
 *   int32  FORMAT_VERSION
 *   int32  frames
 *   int32  n_mels
 *   byte[32] the key itself, so a misplaced file is not taken for another clip
 *   float32[frames * n_mels] the matrix, row-major [frames][n_mels]
 *   int32  CRC-32 of every byte above
 * </pre>
 *
 * A file whose length, header or checksum does not agree is treated as a miss: recomputed and
 * replaced, never returned.
 *
 * <h2>Concurrency</h2>
 *
 * Entries are written with {@link AtomicFiles#write} (a temporary file in the same directory,
 * renamed into place atomically), so a reader (another thread, another process) sees either no file
 * or a whole one. Within one {@code FeatureCache}, concurrent calls for the same key share a single
 * decode and computation; each caller gets its own copy of the matrix.
 */
public final class FeatureCache {
  /** Part of every key and header; bump it when the features or the layout change. */
  public static final int FORMAT_VERSION = 1;

  static final int MAGIC = 0x4D4C4B54; // "TKLM" little-endian
  static final int HEADER_BYTES = 4 * 4 + 32;
  static final String SUFFIX = ".logmel";
  private static final HexFormat HEX = HexFormat.of();

  private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);

  private final Path dir;
  // A read-only or full workspace fails every write: say so once, not once per clip.
  private final AtomicBoolean warnedAboutWriting = new AtomicBoolean();
  private final ConcurrentHashMap<String, CompletableFuture<float[][]>> inFlight =
      new ConcurrentHashMap<>();
  // Extractors hold only immutable tables: share one per spec instead of rebuilding the mel bank.
  private final ConcurrentHashMap<FeatureSpec, LogMelExtractor> extractors =
      new ConcurrentHashMap<>();

  /** A cache in {@code dir}; the folder is created on the first write. */
  public FeatureCache(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The cache's root folder. */
  public Path dir() {
    return dir;
  }

  /**
   * The log-mel matrix of {@code audioFile} under {@code spec}: read from the cache, or decoded
   * with {@code decoder} at {@code spec.sampleRate()}, computed, stored and returned.
   *
   * @return a fresh {@code [frames][nMels]} array the caller may modify
   * @throws AudioDecodeException if the file is missing, not a regular file or unreadable (checked
   *     before it is hashed), cannot be read for hashing, or is not in the cache and cannot be
   *     decoded
   * @throws IOException only if interrupted while waiting for another caller's computation of the
   *     same entry ({@link InterruptedIOException}); a cache that cannot be read or written is
   *     logged and bypassed, never a reason to fail
   * @throws IllegalArgumentException if {@code spec} is invalid, or the clip is too long for one
   *     matrix (see {@link LogMelExtractor#compute})
   */
  public float[][] get(Path audioFile, FeatureSpec spec, AudioDecoder decoder)
      throws AudioDecodeException, IOException {
    Objects.requireNonNull(audioFile, "audioFile");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(spec, "spec").requireValid();
    // Hashing reads the file before the decoder sees it: a named pipe would block it forever and
    // a missing file would fail with a bare NoSuchFileException, so the decoder's checks go first.
    AudioDecoder.checkReadable(audioFile);
    Stamp hashed;
    byte[] contentHash;
    try {
      hashed = Stamp.of(audioFile);
      contentHash = sha256(audioFile);
    } catch (IOException e) {
      throw AudioDecodeException.readFailure(audioFile, e);
    }
    byte[] key = key(contentHash, spec);
    String hex = HEX.formatHex(key);

    CompletableFuture<float[][]> mine = new CompletableFuture<>();
    CompletableFuture<float[][]> running = inFlight.putIfAbsent(hex, mine);
    if (running != null) {
      return copy(await(running, audioFile));
    }
    try {
      float[][] result = loadOrCompute(audioFile, spec, decoder, key, hex, hashed);
      mine.complete(result);
      return copy(result);
    } catch (Throwable t) {
      mine.completeExceptionally(t);
      throw t;
    } finally {
      inFlight.remove(hex, mine);
    }
  }

  /** Where the entry for {@code key} lives (it may not exist). */
  Path pathFor(String hexKey) {
    return dir.resolve(hexKey.substring(0, 2)).resolve(hexKey + SUFFIX);
  }

  private float[][] loadOrCompute(
      Path audioFile, FeatureSpec spec, AudioDecoder decoder, byte[] key, String hex, Stamp hashed)
      throws AudioDecodeException {
    Path target = pathFor(hex);
    float[][] cached = null;
    try {
      cached = read(target, key, spec.nMels());
    } catch (IOException e) {
      // Permissions, a folder in the way, an I/O error: the entry is as good as absent. If the
      // cache as a whole is broken, writing the new entry fails too and says so.
      LOG.debug("Feature cache: cannot read {}, treating it as a miss", target, e);
    }
    if (cached != null) {
      return cached;
    }
    AudioClip clip = decoder.decode(audioFile, spec.sampleRate());
    if (clip.sampleRate() != spec.sampleRate()) {
      throw new IllegalStateException(
          audioFile
              + ": decoder returned "
              + clip.sampleRate()
              + " Hz, asked for "
              + spec.sampleRate()
              + " Hz");
    }
    float[][] features =
        extractors.computeIfAbsent(spec, LogMelExtractor::new).compute(clip.samples());
    // The key hashes the file as it was, the decoder read it again: if it was edited in between,
    // these features belong to other bytes than the key says, so they are returned but not kept.
    if (!hashed.stillMatches(audioFile)) {
      LOG.info("{} changed while it was read; its features are not cached this time", audioFile);
      return features;
    }
    try {
      write(target, key, features);
    } catch (IOException e) {
      writeFailed(target, e);
    }
    return features;
  }

  /** What a file looked like when it was hashed: enough to notice most edits since. */
  private record Stamp(long size, FileTime modified) {
    static Stamp of(Path file) throws IOException {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(a.size(), a.lastModifiedTime());
    }

    /** False if the file changed or can no longer be looked at. */
    boolean stillMatches(Path file) {
      try {
        return equals(of(file));
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** The stored matrix, or {@code null} if there is none or it does not check out. */
  static float[][] read(Path file, byte[] key, int nMels) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (bytes.length < HEADER_BYTES + 4) {
      return null;
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int magic = buf.getInt();
    int version = buf.getInt();
    int frames = buf.getInt();
    int mels = buf.getInt();
    if (magic != MAGIC || version != FORMAT_VERSION || frames < 1 || mels != nMels) {
      return null;
    }
    long expected = HEADER_BYTES + 4L * frames * mels + 4;
    if (bytes.length != expected) {
      return null;
    }
    byte[] storedKey = new byte[32];
    buf.get(storedKey);
    if (!MessageDigest.isEqual(storedKey, key)) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    if ((int) crc.getValue() != buf.getInt(bytes.length - 4)) {
      return null;
    }
    float[][] out = new float[frames][mels];
    for (float[] row : out) {
      for (int j = 0; j < mels; j++) {
        row[j] = buf.getFloat();
      }
    }
    return out;
  }

  /**
   * Writes the entry with {@link AtomicFiles#write}: a temporary file beside {@code target},
   * renamed into place, so readers see the old entry or the whole new one.
   */
  static void write(Path target, byte[] key, float[][] features) throws IOException {
    int frames = features.length;
    int mels = features[0].length;
    int size = Math.toIntExact(HEADER_BYTES + 4L * frames * mels + 4);
    ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(MAGIC).putInt(FORMAT_VERSION).putInt(frames).putInt(mels).put(key);
    for (float[] row : features) {
      for (float v : row) {
        buf.putFloat(v);
      }
    }
    CRC32 crc = new CRC32();
    crc.update(buf.array(), 0, buf.position());
    buf.putInt((int) crc.getValue());
    AtomicFiles.write(target, out -> out.write(buf.array()));
  }

  /** SHA-256 of the file's bytes, streamed. */
  static byte[] sha256(Path file) throws IOException {
    MessageDigest md = newSha256();
    byte[] chunk = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int r;
      while ((r = in.read(chunk)) > 0) {
        md.update(chunk, 0, r);
      }
    }
    return md.digest();
  }

  static byte[] key(byte[] contentHash, FeatureSpec spec) {
    String text =
        "tkd-logmel/v"
            + FORMAT_VERSION
            + "\n"
            + canonicalSpec(spec)
            + "\n"
            + HEX.formatHex(contentHash);
    return newSha256().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Every field that changes the output, with {@code fmax} resolved; doubles in full precision. */
  static String canonicalSpec(FeatureSpec spec) {
    return "sample_rate="
        + spec.sampleRate()
        + ";n_fft="
        + spec.nFft()
        + ";win_length="
        + spec.winLength()
        + ";hop_length="
        + spec.hopLength()
        + ";n_mels="
        + spec.nMels()
        + ";fmin="
        + Double.toString(spec.fmin() + 0.0) // + 0.0 folds -0.0 into 0.0
        + ";fmax="
        + Double.toString(spec.effectiveFmax() + 0.0)
        + ";log_floor="
        + FeatureSpec.LOG_FLOOR;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Waits for another caller's computation of the same entry; its failure is rethrown as is (the
   * same exception object), since this call would have failed the same way.
   */
  private static float[][] await(CompletableFuture<float[][]> running, Path file)
      throws AudioDecodeException, IOException {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException ie = new InterruptedIOException("interrupted waiting for " + file);
      ie.initCause(e);
      throw ie;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AudioDecodeException ade) {
        throw ade;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private void writeFailed(Path target, IOException e) {
    if (warnedAboutWriting.compareAndSet(false, true)) {
      LOG.warn(
          "Feature cache: cannot write {} ({}); features are computed but not kept. Further write"
              + " failures in {} are logged at debug level.",
          target,
          e.toString(),
          dir);
    } else {
      LOG.debug("Feature cache: cannot write {}", target, e);
    }
  }

  private static float[][] copy(float[][] m) {
    float[][] c = new float[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
