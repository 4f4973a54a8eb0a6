package org.tkdworkbench.data.noisy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes {@code keyword_spans.csv}: a header, then one row per clip, {@code
 * clip,start_s,end_s,snr_db,noise,noise_start_s,offset_s,keyword_gain,noise_gain}. Times have six
 * decimals (a sample at 16 kHz is 62.5 µs, so {@code round(start_s · rate)} gives the sample back).
 * Fields are quoted as RFC 4180 says when they hold a comma, quote or line break. The reader also
 * takes files with only {@code clip,start_s,end_s} (or columns in another order), so spans made by
 * other tools can be shown too.
 */
public final class KeywordSpans {
  /** The file's name inside a noisy dataset. */
  public static final String FILE_NAME = "keyword_spans.csv";

  static final String HEADER =
      "clip,start_s,end_s,snr_db,noise,noise_start_s,offset_s,keyword_gain,noise_gain";

  private KeywordSpans() {}

  /**
   * Writes the header and {@code spans} in the given order, every line ending in {@code \n} (not
   * the platform's separator: the file is the same bytes on every system).
   */
  public static void write(Writer w, List<KeywordSpan> spans) throws IOException {
    w.write(HEADER);
    w.write('\n');
    for (KeywordSpan s : spans) {
      w.write(
          String.format(
              Locale.ROOT,
              "%s,%.6f,%.6f,%.4f,%s,%.6f,%.6f,%.9g,%.9g\n",
              quote(s.clip()),
              s.startSeconds(),
              s.endSeconds(),
              s.snrDb(),
              quote(s.noise() == null ? "" : s.noise()),
              s.noiseStartSeconds(),
              s.offsetSeconds(),
              s.keywordGain(),
              s.noiseGain()));
    }
  }

  /**
   * The spans of a file, by clip id, in file order.
   *
   * @throws IOException when the file cannot be read or lacks the {@code clip}, {@code start_s} or
   *     {@code end_s} column, or a row has an unreadable number (the message gives the line)
   */
  public static Map<String, KeywordSpan> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(csv + ": empty, expected a header " + HEADER);
    }
    List<String> header = split(lines.get(0).replace("\uFEFF", ""));
    int clip = header.indexOf("clip");
    int start = header.indexOf("start_s");
    int end = header.indexOf("end_s");
    if (clip < 0 || start < 0 || end < 0) {
      throw new IOException(csv + ": header needs clip, start_s and end_s, found " + lines.get(0));
    }
    Map<String, KeywordSpan> spans = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = split(lines.get(i));
      try {
        KeywordSpan s =
            new KeywordSpan(
                f.get(clip),
                Double.parseDouble(f.get(start)),
                Double.parseDouble(f.get(end)),
                number(f, header.indexOf("snr_db")),
                text(f, header.indexOf("noise")),
                number(f, header.indexOf("noise_start_s")),
                number(f, header.indexOf("offset_s")),
                number(f, header.indexOf("keyword_gain")),
                number(f, header.indexOf("noise_gain")));
        spans.put(s.clip(), s);
      } catch (RuntimeException e) {
        throw new IOException(csv + ": line " + (i + 1) + " is not a span row: " + lines.get(i), e);
      }
    }
    return spans;
  }

  private static double number(List<String> f, int col) {
    return col < 0 || col >= f.size() || f.get(col).isEmpty()
        ? Double.NaN
        : Double.parseDouble(f.get(col));
  }

  private static String text(List<String> f, int col) {
    return col < 0 || col >= f.size() || f.get(col).isEmpty() ? null : f.get(col);
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** Splits one CSV line (fields may be quoted; quoted line breaks are not supported). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
