package org.tkdworkbench.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small RFC 4180 reader for dataset metadata: comma-separated fields, double-quoted fields that
 * may hold commas, {@code ""} for a quote and line breaks, CRLF/LF/CR line ends, a UTF-8 byte order
 * mark skipped.
 *
 * <p>Why not a library: FSD50K's {@code dev.csv} puts comma-separated labels inside one quoted
 * field, so splitting on commas is wrong, and {@code jackson-dataformat-csv} is not among the
 * project's dependencies. A malformed record (text after a closing quote, a quote left open at the
 * end of the file) becomes a {@link Row} with an {@link Row#error()} instead of an exception, so
 * the caller can refuse that one row and go on. Blank lines are skipped.
 */
public final class Csv {
  private Csv() {}

  /**
   * One record.
   *
   * @param line the 1-based line number where the record starts (what a user looks for in an
   *     editor)
   * @param fields the fields, unquoted
   * @param error why the record is malformed, or null
   */
  public record Row(int line, List<String> fields, String error) {
    /** Field {@code i}, or "" when the row is shorter. */
    public String field(int i) {
      return i >= 0 && i < fields.size() ? fields.get(i) : "";
    }
  }

  /**
   * Reads a whole file as strict UTF-8.
   *
   * @throws IOException when it cannot be read or is not UTF-8 text; the message names the file
   */
  public static List<Row> read(Path file) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new java.io.InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      return parse(in);
    } catch (CharacterCodingException e) {
      throw new IOException(file + ": not UTF-8 text, so not a CSV file we can read", e);
    }
  }

  /** Parses every record of {@code in}. */
  public static List<Row> parse(Reader in) throws IOException {
    StringBuilder all = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = in.read(buf)) != -1; ) {
      all.append(buf, 0, n);
    }
    return parse(all);
  }

  /** Parses every record of {@code text}. */
  public static List<Row> parse(CharSequence text) {
    List<Row> rows = new ArrayList<>();
    int n = text.length();
    int i = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
    int line = 1;
    while (i < n) {
      int rowLine = line;
      List<String> fields = new ArrayList<>();
      String error = null;
      StringBuilder field = new StringBuilder();
      boolean rowEnded = false;
      while (!rowEnded) {
        field.setLength(0);
        boolean quoted = i < n && text.charAt(i) == '"';
        if (quoted) {
          i++;
          boolean closed = false;
          while (i < n) {
            char ch = text.charAt(i);
            if (ch == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              i++;
              closed = true;
              break;
            }
            if (ch == '\r' || ch == '\n') {
              line++;
              i += ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
              field.append('\n');
              continue;
            }
            field.append(ch);
            i++;
          }
          if (!closed) {
            error = "a quote opened on line " + rowLine + " is never closed";
          }
        }
        // Unquoted text, or whatever follows a closing quote up to the next separator.
        while (i < n) {
          char ch = text.charAt(i);
          if (ch == ',' || ch == '\r' || ch == '\n') {
            break;
          }
          if (quoted && error == null) {
            error =
                String.format(
                    Locale.ROOT, "text after a closing quote in field %d", fields.size() + 1);
          }
          field.append(ch);
          i++;
        }
        fields.add(field.toString());
        if (i < n && text.charAt(i) == ',') {
          i++;
          if (i == n) {
            fields.add("");
            rowEnded = true;
          }
        } else {
          if (i < n) {
            i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            line++;
          }
          rowEnded = true;
        }
      }
      if (!(fields.size() == 1 && fields.get(0).isEmpty() && error == null)) {
        rows.add(new Row(rowLine, List.copyOf(fields), error)); // blank lines are skipped
      }
    }
    return rows;
  }

  /**
   * The index of each wanted column in a header row (case-insensitive, trimmed), -1 where absent.
   */
  public static int[] columns(Row header, String... names) {
    int[] idx = new int[names.length];
    for (int n = 0; n < names.length; n++) {
      idx[n] = -1;
      for (int i = 0; i < header.fields().size(); i++) {
        if (header.fields().get(i).strip().equalsIgnoreCase(names[n])) {
          idx[n] = i;
          break;
        }
      }
    }
    return idx;
  }

  /** {@code s} as one field of a record this class reads back: quoted when it holds a comma, a quote or a line break. */
  public static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
