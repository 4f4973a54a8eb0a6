package org.tkdworkbench.distill;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.TeacherOutput;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;

/**
 * Logits and rollout curves of every clip, computed once per (teacher, dataset, method, fusion) and
 * stored under {@code <workspace>/cache/knowledge/}; reused by distillation and the inspector.
 *
 * <h2>Key</h2>
 *
 * {@code SHA-256("tkd-knowledge/v" + FORMAT_VERSION, teacherId, the teacher's spec as JSON, the
 * dataset's fingerprint (DatasetRegistry.fingerprint: ids, sizes, labels), method, fusion)}. The
 * spec holds the front end, classes, sizes and seed; {@link #teacherId(Path)} adds a hash of the
 * parameter files, so a retrained teacher in the same folder misses. A changed, added or removed
 * clip changes the fingerprint, so a repaired file is picked up again.
 *
 * <h2>File</h2>
 *
 * {@code dir/<key>.knowledge}, big-endian ({@link DataOutputStream}): magic {@code "TKKN"},
 * version, the 32-byte key, source, classes, method, fusion, warnings, then per clip its id,
 * logits, curve and token times, and a CRC-32 of everything before it. Written atomically; a file
 * whose key, length or checksum does not agree is recomputed and replaced, never returned.
 */
public final class KnowledgeCache {
  /** Bump when the curves or the file layout change; old files are then never looked up. */
  public static final int FORMAT_VERSION = 1;

  static final int MAGIC = 0x544B4B4E; // "TKKN"
  static final String SUFFIX = ".knowledge";
  private static final HexFormat HEX = HexFormat.of();
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeCache.class);

  private final Path dir;

  public KnowledgeCache(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  public Path dir() {
    return dir;
  }

  /**
   * The stored knowledge, or computes it (a job: progress per clip, cancel at every clip) and
   * stores it atomically. Clips whose audio cannot be read are left out, named in {@link
   * Knowledge#warnings()} (for the caller to report; logged at debug level). A cancelled job
   * stores nothing.
   *
   * @throws org.tkdworkbench.jobs.CancelledException when {@code ctx} is cancelled
   * @throws IllegalStateException when the teacher returns a curve and token times of different
   *     lengths (a teacher bug, not a data problem)
   */
  public Knowledge get(
      AttentionTeacher teacher,
      String teacherId,
      DatasetIndex dataset,
      FeatureCache features,
      AudioDecoder decoder,
      RolloutMethod method,
      HeadFusion fusion,
      JobContext ctx)
      throws IOException {
    Objects.requireNonNull(teacher, "teacher");
    Objects.requireNonNull(teacherId, "teacherId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(fusion, "fusion");
    byte[] key = key(teacher, teacherId, dataset, method, fusion);
    Path file = fileFor(key);
    Knowledge stored = read(file, key);
    if (stored != null) {
      return stored;
    }
    Knowledge k = compute(teacher, teacherId, dataset, features, decoder, method, fusion, ctx);
    try {
      AtomicFiles.write(file, encode(k, key));
    } catch (IOException e) {
      // The cache only saves work: a read-only or full workspace must not lose the result.
      LOG.warn("cannot store teacher knowledge in {}: {}", file, AtomicFiles.describe(e));
    }
    return k;
  }

  /** Whether {@link #get} would read a stored file instead of computing. */
  public boolean contains(
      AttentionTeacher teacher,
      String teacherId,
      DatasetIndex dataset,
      RolloutMethod method,
      HeadFusion fusion)
      throws IOException {
    byte[] key = key(teacher, teacherId, dataset, method, fusion);
    return read(fileFor(key), key) != null;
  }

  /**
   * An id for a saved teacher folder: its name and the first 16 hex digits of a SHA-256 over the
   * names and bytes of its {@code spec.json} and {@code *.params} files, so retraining into the
   * same folder gives a new id.
   */
  public static String teacherId(Path teacherFolder) throws IOException {
    MessageDigest sha = sha256();
    List<Path> files;
    try (Stream<Path> s = Files.list(teacherFolder)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.equals("spec.json") || n.endsWith(".params");
                  })
              .sorted()
              .toList();
    }
    byte[] buf = new byte[1 << 16];
    for (Path p : files) {
      sha.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      try (InputStream in = Files.newInputStream(p)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          sha.update(buf, 0, n);
        }
      }
    }
    Path name = teacherFolder.toAbsolutePath().normalize().getFileName();
    return (name == null ? "teacher" : name.toString())
        + "@"
        + HEX.formatHex(sha.digest()).substring(0, 16);
  }

  /** Computes without the cache: every clip, in index order. */
  static Knowledge compute(
      AttentionTeacher teacher,
      String teacherId,
      DatasetIndex dataset,
      FeatureCache features,
      AudioDecoder decoder,
      RolloutMethod method,
      HeadFusion fusion,
      JobContext ctx)
      throws IOException {
    List<Clip> clips = dataset.clips();
    Map<String, ClipKnowledge> out = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    int n = clips.size();
    ctx.progress(0, n, "teacher knowledge");
    for (int i = 0; i < n; i++) {
      ctx.checkCancelled();
      Clip clip = clips.get(i);
      float[][] logMel;
      try {
        logMel = features.get(clip.path(), teacher.spec().features(), decoder);
      } catch (AudioDecodeException | IllegalArgumentException e) {
        String w = "clip " + clip.id() + " left out: " + e.getMessage();
        LOG.debug(w); // the caller reports the returned warnings: logging them too said it twice
        warnings.add(w);
        ctx.progress(i + 1, n, clip.id());
        continue;
      }
      out.put(clip.id(), of(clip.id(), teacher.infer(logMel), method, fusion));
      ctx.progress(i + 1, n, clip.id());
    }
    return new Knowledge(teacherId, teacher.spec().classes(), method, fusion, out, warnings);
  }

  /** One clip's knowledge from the teacher's output. */
  public static ClipKnowledge of(
      String clipId, TeacherOutput o, RolloutMethod method, HeadFusion fusion) {
    double[] curve = Rollout.curve(o.attention(), method, fusion);
    if (curve.length != o.tokenTimes().length) {
      throw new IllegalStateException(
          "teacher output for "
              + clipId
              + ": attention has "
              + curve.length
              + " input tokens but "
              + o.tokenTimes().length
              + " token times");
    }
    float[] c = new float[curve.length];
    for (int t = 0; t < c.length; t++) {
      c[t] = (float) curve[t];
    }
    return new ClipKnowledge(clipId, o.logits().clone(), c, o.tokenTimes().clone());
  }

  private static byte[] key(
      AttentionTeacher teacher,
      String teacherId,
      DatasetIndex dataset,
      RolloutMethod method,
      HeadFusion fusion)
      throws IOException {
    MessageDigest sha = sha256();
    String spec = Json.mapper().writeValueAsString(teacher.spec());
    for (String part :
        List.of(
            "tkd-knowledge/v" + FORMAT_VERSION,
            teacherId,
            spec,
            DatasetRegistry.fingerprint(dataset),
            method.name(),
            fusion.name())) {
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return sha.digest();
  }

  private Path fileFor(byte[] key) {
    return dir.resolve(HEX.formatHex(key) + SUFFIX);
  }

  /** The stored knowledge, or null when absent, unreadable or corrupt (logged). */
  static Knowledge read(Path file, byte[] key) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.warn("cannot read {}: {}; recomputing", file, AtomicFiles.describe(e));
      return null;
    }
    try {
      return decode(bytes, key);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} is corrupt ({}); recomputing", file, e.getMessage());
      return null;
    }
  }

  static byte[] encode(Knowledge k, byte[] key) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buf);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.write(key);
    writeString(out, k.source());
    out.writeInt(k.classes().size());
    for (String c : k.classes()) {
      writeString(out, c);
    }
    writeString(out, k.method() == null ? "" : k.method().name());
    writeString(out, k.fusion() == null ? "" : k.fusion().name());
    out.writeInt(k.warnings().size());
    for (String w : k.warnings()) {
      writeString(out, w);
    }
    out.writeInt(k.clips().size());
    for (ClipKnowledge c : k.clips().values()) {
      writeString(out, c.clipId());
      out.writeInt(c.logits().length);
      for (float v : c.logits()) {
        out.writeFloat(v);
      }
      out.writeInt(c.curve().length);
      for (int t = 0; t < c.curve().length; t++) {
        out.writeFloat(c.curve()[t]);
        out.writeDouble(c.times()[t]);
      }
    }
    out.flush();
    CRC32 crc = new CRC32();
    crc.update(buf.toByteArray());
    out.writeInt((int) crc.getValue());
    out.flush();
    return buf.toByteArray();
  }

  static Knowledge decode(byte[] bytes, byte[] key) throws IOException {
    if (bytes.length < 4 + 4 + 32 + 4) {
      throw new EOFException("too short (" + bytes.length + " bytes)");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int stored =
        ((bytes[bytes.length - 4] & 0xff) << 24)
            | ((bytes[bytes.length - 3] & 0xff) << 16)
            | ((bytes[bytes.length - 2] & 0xff) << 8)
            | (bytes[bytes.length - 1] & 0xff);
    if (stored != (int) crc.getValue()) {
      throw new IOException("checksum mismatch");
    }
    DataInputStream in =
        new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4));
    if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
      throw new IOException("not a knowledge file of version " + FORMAT_VERSION);
    }
    byte[] k = in.readNBytes(32);
    if (!Arrays.equals(k, key)) {
      throw new IOException("holds another key");
    }
    String source = readString(in);
    int nClasses = count(in, bytes.length);
    List<String> classes = new ArrayList<>(nClasses);
    for (int i = 0; i < nClasses; i++) {
      classes.add(readString(in));
    }
    String m = readString(in);
    String f = readString(in);
    int nWarnings = count(in, bytes.length);
    List<String> warnings = new ArrayList<>(nWarnings);
    for (int i = 0; i < nWarnings; i++) {
      warnings.add(readString(in));
    }
    int nClips = count(in, bytes.length);
    Map<String, ClipKnowledge> clips = new LinkedHashMap<>();
    for (int i = 0; i < nClips; i++) {
      String id = readString(in);
      float[] logits = new float[count(in, bytes.length)];
      for (int j = 0; j < logits.length; j++) {
        logits[j] = in.readFloat();
      }
      int t = count(in, bytes.length);
      float[] curve = new float[t];
      double[] times = new double[t];
      for (int j = 0; j < t; j++) {
        curve[j] = in.readFloat();
        times[j] = in.readDouble();
      }
      clips.put(id, new ClipKnowledge(id, logits, curve, times));
    }
    if (in.available() != 0) {
      throw new IOException(in.available() + " bytes after the last clip");
    }
    return new Knowledge(
        source,
        classes,
        m.isEmpty() ? null : RolloutMethod.valueOf(m),
        f.isEmpty() ? null : HeadFusion.valueOf(f),
        clips,
        warnings);
  }

  private static int count(DataInputStream in, int fileLength) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > fileLength) {
      throw new IOException("implausible count " + n);
    }
    return n;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("implausible string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
