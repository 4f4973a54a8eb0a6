package org.tkdworkbench.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a knowledge NPZ ({@code np.savez}/{@code np.savez_compressed}) through DJL's {@link
 * NDList#decode}. Before DJL sees it, every array's {@code .npy} header is checked, because DJL
 * fails on some layouts with a bare "Invalid numpy header" (Fortran order, string arrays) and
 * silently misreads others (big-endian): those are reported by array name with the fix.
 */
final class NpzKnowledgeReader {
  static final Set<String> KNOWN =
      Set.of("clip_ids", "classes", "logits", "curves", "attention", "token_rate_hz", "first_token_time_s", "lengths");
  private static final Set<String> READABLE = Set.of("<f4", "<f8", "<i4", "<i8", "|u1", "<u1", "|i1", "<f2");
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

  private NpzKnowledgeReader() {}

  static KnowledgeImport.Arrays read(Path file) throws IOException, KnowledgeFormatException {
    String name = file.getFileName().toString();
    List<String> problems = new ArrayList<>();
    checkHeaders(file, name, problems);
    if (!problems.isEmpty()) {
      throw new KnowledgeFormatException(problems);
    }
    Map<String, NDArray> arrays = new HashMap<>();
    try (NDManager manager = NDManager.newBaseManager();
        InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      NDList list;
      try {
        list = NDList.decode(manager, in);
      } catch (RuntimeException e) {
        throw new KnowledgeFormatException(name + ": not readable as NPZ (" + e.getMessage() + ")");
      }
      for (NDArray a : list) {
        arrays.put(a.getName(), a);
      }
      List<String> warnings = new ArrayList<>();
      for (String k : arrays.keySet()) {
        if (!KNOWN.contains(k)) {
          warnings.add(name + ": array '" + k + "' is not part of the format and was ignored");
        }
      }
      List<String> ids = text(arrays, "clip_ids", name, problems);
      List<String> classes = text(arrays, "classes", name, problems);
      float[][] logits = matrix(arrays, "logits", name, problems, true);
      float[][] curves = matrix(arrays, "curves", name, problems, false);
      float[][][][][] attention = attention(arrays, name, problems);
      Double rate = scalar(arrays, "token_rate_hz", name, problems);
      Double first = scalar(arrays, "first_token_time_s", name, problems);
      int[] lengths = lengths(arrays, name, problems);
      if (lengths != null) {
        int n = curves != null ? curves.length : attention != null ? attention.length : -1;
        int t = curves != null && n > 0 ? curves[0].length : attention != null && n > 0 ? attention[0][0][0].length - 1 : -1;
        if (n >= 0 && lengths.length != n) {
          problems.add(name + ": lengths: expected one per clip (" + n + "), found " + lengths.length);
        } else if (n > 0) {
          for (int i = 0; i < n; i++) {
            if (lengths[i] < 1 || lengths[i] > t) {
              problems.add(name + ": lengths[" + i + "]: must be in 1.." + t + " (the token axis), found " + lengths[i]);
            } else if (curves != null) {
              curves[i] = Arrays.copyOf(curves[i], lengths[i]);
            } else {
              attention[i] = crop(attention[i], lengths[i] + 1);
            }
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new KnowledgeFormatException(problems);
      }
      return new KnowledgeImport.Arrays(name, ids, classes, logits, curves, attention, rate, first, warnings);
    }
  }

  /** Each entry's {@code .npy} header: dtype and memory order DJL can read. */
  private static void checkHeaders(Path file, String name, List<String> problems) throws IOException {
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entries++;
        String array = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
        byte[] head = zip.readNBytes(10);
        if (head.length < 10 || (head[0] & 0xff) != 0x93 || !new String(head, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
          problems.add(name + ": entry '" + e.getName() + "' is not a .npy array");
          continue;
        }
        int major = head[6];
        int len;
        if (major == 1) {
          len = (head[8] & 0xff) | (head[9] & 0xff) << 8;
        } else {
          byte[] more = zip.readNBytes(2);
          len = (head[8] & 0xff) | (head[9] & 0xff) << 8 | (more[0] & 0xff) << 16 | (more[1] & 0xff) << 24;
        }
        String header = new String(zip.readNBytes(Math.min(len, 4096)), StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        String descr = d.find() ? d.group(1) : "?";
        if (descr.startsWith("<U") || descr.startsWith("|S") || descr.startsWith("|O")) {
          problems.add(name + ": " + array + ": NumPy string arrays (" + descr + ") cannot be read; write text as"
              + " UTF-8 bytes joined by newlines: np.frombuffer('\\n'.join(names).encode('utf-8'), np.uint8)");
        } else if (descr.startsWith(">")) {
          problems.add(name + ": " + array + ": big-endian dtype " + descr + " is not supported; write"
              + " little-endian, e.g. a.astype('<f4')");
        } else if (!READABLE.contains(descr)) {
          problems.add(name + ": " + array + ": dtype " + descr + " is not supported; use float32, float64,"
              + " int32, int64 or uint8");
        }
        if (f.find() && f.group(1).equals("True")) {
          problems.add(name + ": " + array + ": stored in Fortran order (a transposed view?); write"
              + " np.ascontiguousarray(a)");
        }
      }
    } catch (ZipException e) {
      problems.add(name + ": not an NPZ file (a zip of .npy arrays, as np.savez writes): " + e.getMessage());
      return;
    }
    if (entries == 0) {
      problems.add(name + ": not an NPZ file (no arrays in it; np.savez writes a zip of .npy arrays)");
    }
  }

  private static double[] values(NDArray a) {
    DataType t = a.getDataType();
    if (t == DataType.FLOAT64) {
      return a.toDoubleArray();
    }
    if (t == DataType.FLOAT32) {
      float[] f = a.toFloatArray();
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      return d;
    }
    if (t == DataType.INT64) {
      return Arrays.stream(a.toLongArray()).asDoubleStream().toArray();
    }
    if (t == DataType.INT32) {
      return Arrays.stream(a.toIntArray()).asDoubleStream().toArray();
    }
    if (t == DataType.UINT8) {
      return Arrays.stream(a.toUint8Array()).asDoubleStream().toArray();
    }
    return values(a.toType(DataType.FLOAT64, false));
  }

  private static List<String> text(Map<String, NDArray> arrays, String key, String name, List<String> problems) {
    NDArray a = arrays.get(key);
    if (a == null) {
      problems.add(name + ": " + key + ": missing (uint8: UTF-8 names joined by newlines)");
      return null;
    }
    if (a.getDataType() != DataType.UINT8 || a.getShape().dimension() != 1) {
      problems.add(name + ": " + key + ": expected a 1-D uint8 array (UTF-8 names joined by newlines), found "
          + a.getDataType() + " " + a.getShape());
      return null;
    }
    String s = new String(a.toByteArray(), StandardCharsets.UTF_8);
    if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? List.of() : List.of(s.split("\n", -1));
  }

  private static float[][] matrix(Map<String, NDArray> arrays, String key, String name, List<String> problems, boolean required) {
    NDArray a = arrays.get(key);
    if (a == null) {
      if (required) {
        problems.add(name + ": " + key + ": missing");
      }
      return null;
    }
    long[] s = a.getShape().getShape();
    if (s.length != 2) {
      problems.add(name + ": " + key + ": expected 2 dimensions [clips, " + (key.equals("logits") ? "classes" : "tokens")
          + "], found shape " + a.getShape());
      return null;
    }
    double[] v = values(a);
    float[][] m = new float[(int) s[0]][(int) s[1]];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = (float) v[i * m[i].length + j];
      }
    }
    return m;
  }

  private static float[][][][][] attention(Map<String, NDArray> arrays, String name, List<String> problems) {
    NDArray a = arrays.get("attention");
    if (a == null) {
      return null;
    }
    long[] s = a.getShape().getShape();
    if (s.length != 5 || s[3] != s[4] || s[3] < 2) {
      problems.add(name + ": attention: expected shape [clips, layers, heads, T+1, T+1] with T ≥ 1, found " + a.getShape());
      return null;
    }
    double[] v = values(a);
    int n = (int) s[0];
    int l = (int) s[1];
    int h = (int) s[2];
    int t = (int) s[3];
    float[][][][][] out = new float[n][l][h][t][t];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int a1 = 0; a1 < l; a1++) {
        for (int b = 0; b < h; b++) {
          for (int r = 0; r < t; r++) {
            for (int c = 0; c < t; c++) {
              out[i][a1][b][r][c] = (float) v[k++];
            }
          }
        }
      }
    }
    return out;
  }

  private static float[][][][] crop(float[][][][] clip, int n) {
    float[][][][] out = new float[clip.length][][][];
    for (int l = 0; l < clip.length; l++) {
      out[l] = new float[clip[l].length][n][];
      for (int h = 0; h < clip[l].length; h++) {
        for (int r = 0; r < n; r++) {
          out[l][h][r] = Arrays.copyOf(clip[l][h][r], n);
        }
      }
    }
    return out;
  }

  private static Double scalar(Map<String, NDArray> arrays, String key, String name, List<String> problems) {
    NDArray a = arrays.get(key);
    if (a == null) {
      return null;
    }
    if (a.getShape().size() != 1) {
      problems.add(name + ": " + key + ": expected a scalar, found shape " + a.getShape());
      return null;
    }
    return values(a)[0];
  }

  private static int[] lengths(Map<String, NDArray> arrays, String name, List<String> problems) {
    NDArray a = arrays.get("lengths");
    if (a == null) {
      return null;
    }
    if (a.getShape().dimension() != 1 || !(a.getDataType() == DataType.INT32 || a.getDataType() == DataType.INT64)) {
      problems.add(name + ": lengths: expected a 1-D int32 or int64 array, found " + a.getDataType() + " " + a.getShape());
      return null;
    }
    return Arrays.stream(values(a)).mapToInt(x -> (int) x).toArray();
  }
}
