package org.tkdworkbench.runs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code metrics.csv} format: RFC 4180 with a fixed header, {@code \n} line ends, numbers in
 * {@code Locale.ROOT} ({@code 0.25}, {@code 1.0E-4}), {@code NaN} or an empty field for a missing
 * value, {@code inf}/{@code -inf} for infinities; all of these {@code pandas.read_csv} reads as
 * floats. Fields never hold line breaks, so one line is one row and a row is complete exactly when
 * its newline is on disk: a reader ignores a last line without one (what {@code kill -9} during a
 * write leaves).
 */
final class MetricsLog {
  private MetricsLog() {}

  /** Checks column names: non-blank, unique, and free of what would need quoting in a header. */
  static List<String> validateColumns(List<String> columns) {
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("metric columns: at least one is needed, found none");
    }
    Set<String> seen = new HashSet<>();
    for (String c : columns) {
      if (c == null || c.isBlank() || !c.equals(c.strip())) {
        throw new IllegalArgumentException(
            "metric columns: names must be non-blank without outer spaces, found \"" + c + "\"");
      }
      if (c.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch < 0x20)) {
        throw new IllegalArgumentException(
            "metric columns: names must not hold commas, quotes or control characters, found \""
                + c
                + "\"");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException("metric columns: \"" + c + "\" appears twice");
      }
    }
    return List.copyOf(columns);
  }

  static String header(List<String> columns) {
    return String.join(",", columns) + "\n";
  }

  /** One line for {@code row}; unknown keys are refused (a typo must not vanish silently). */
  static String line(List<String> columns, Map<String, ?> row) {
    for (String key : row.keySet()) {
      if (!columns.contains(key)) {
        throw new IllegalArgumentException(
            "metrics row: no column \"" + key + "\" (columns: " + String.join(", ", columns) + ")");
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(field(row.get(columns.get(i))));
    }
    return b.append('\n').toString();
  }

  /** A value as a CSV field. */
  static String field(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "inf" : "-inf";
      }
      // Float.toString keeps 0.1f as "0.1" instead of 0.10000000149011612.
      return v instanceof Float ? Float.toString((Float) v) : Double.toString(d);
    }
    if (v instanceof BigDecimal bd) {
      return bd.toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString(); // integers: Long/Integer.toString are locale-free
    }
    String s = v.toString();
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "metrics row: a field must not hold a line break, found \"" + s + "\"");
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || !s.equals(s.strip())) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** A field as a number: NaN when empty, NaN or not a number. */
  static double parseNumber(String s) {
    String t = s == null ? "" : s.strip();
    if (t.isEmpty()) {
      return Double.NaN;
    }
    switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
    }
  }

  /**
   * The length of the file's complete part: up to and including its last newline (0 when there is
   * none). What {@link RunWriter} truncates to before appending again after a kill.
   */
  static long completeLength(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /** Reads only the header line. */
  static List<String> readHeader(Path file) throws IOException {
    byte[] head;
    try (var in = Files.newInputStream(file)) {
      head = in.readNBytes(64 * 1024);
    }
    int nl = -1;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == '\n') {
        nl = i;
        break;
      }
    }
    if (nl < 0) {
      throw new IOException(
          head.length == 0 ? "empty, no header line" : "no complete header line (no newline)");
    }
    return parseHeader(decode(head, nl), 1);
  }

  /** Reads the whole file; a torn last line is dropped, malformed rows become warnings. */
  static MetricsTable read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int complete = (int) completeLength(bytes);
    boolean torn = complete < bytes.length;
    if (complete == 0) {
      throw new IOException(
          bytes.length == 0 ? "empty, no header line" : "no complete header line (no newline)");
    }
    String text = decode(bytes, complete);
    String[] lines = text.split("\n", -1); // the last element is "" after the final newline
    List<String> columns = parseHeader(lines[0], 1);
    List<MetricRow> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 1; i < lines.length - 1; i++) {
      String line = stripCr(lines[i]);
      if (line.isEmpty()) {
        continue;
      }
      List<String> fields = split(line);
      if (fields == null) {
        warnings.add("line " + (i + 1) + ": unbalanced quotes, row skipped");
        continue;
      }
      if (fields.size() != columns.size()) {
        warnings.add(
            "line "
                + (i + 1)
                + ": "
                + fields.size()
                + " fields where the header has "
                + columns.size()
                + ", row skipped");
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        values.put(columns.get(c), fields.get(c));
      }
      rows.add(new MetricRow(i + 1, values));
    }
    return new MetricsTable(columns, rows, warnings, torn);
  }

  private static List<String> parseHeader(String line, int lineNo) throws IOException {
    List<String> columns = split(stripCr(line));
    if (columns == null || columns.isEmpty() || columns.stream().anyMatch(String::isBlank)) {
      throw new IOException("line " + lineNo + ": not a header of column names");
    }
    if (columns.stream().anyMatch(c -> c.chars().anyMatch(ch -> ch < 0x20 && ch != '\t'))) {
      throw new IOException("line " + lineNo + ": the header holds control characters (not text)");
    }
    return columns;
  }

  private static String decode(byte[] bytes, int length) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text", e);
    }
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /** Splits one line into fields; null when a quote is left open. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(ch);
        }
      } else if (ch == '"' && f.length() == 0) {
        quoted = true;
      } else if (ch == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(ch);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(f.toString());
    return out;
  }

  /** Cuts the file after its last newline (the torn row a kill leaves). */
  static void cutTornTail(Path file) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long pos = size;
      long keep = 0;
      ByteBuffer buf = ByteBuffer.allocate(8192);
      search:
      while (pos > 0) {
        int n = (int) Math.min(buf.capacity(), pos);
        pos -= n;
        buf.clear().limit(n);
        while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) >= 0) {
          // read until the chunk is full
        }
        for (int i = n - 1; i >= 0; i--) {
          if (buf.get(i) == '\n') {
            keep = pos + i + 1;
            break search;
          }
        }
      }
      if (keep < size) {
        ch.truncate(keep);
      }
    }
  }
}
