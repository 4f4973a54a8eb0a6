package org.tkdworkbench.runs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a growing {@code metrics.csv}: each {@link #poll()} returns only the complete rows
 * written since the last one, so a live chart costs a few bytes per refresh however long the run.
 *
 * <p>A resumed run rewinds its file (rows of an unfinished epoch are cut) before it appends again;
 * the tail notices because the bytes it last read are no longer where they were (or the file got
 * shorter), and then answers with {@link Update#reset()} true and every row from the top. A torn
 * last line (a writer mid-row) is left for the next poll. Not thread-safe: one poller.
 */
public final class MetricsTail {
  /** Bytes remembered before the read position to notice a rewritten file. */
  private static final int GUARD = 64;

  private final Path file;
  private List<String> columns;
  private long offset;
  private int line;
  private byte[] guard = new byte[0];

  public MetricsTail(Path file) {
    this.file = file;
  }

  /**
   * New rows since the last poll.
   *
   * @param reset whether the earlier rows are void (the file was rewritten): replace, do not append
   * @param columns the header's columns (empty until the header is complete)
   * @param rows the new complete rows
   * @param warnings malformed rows skipped, naming their line
   */
  public record Update(boolean reset, List<String> columns, List<MetricRow> rows, List<String> warnings) {}

  /** Reads what is new; a file not there yet is no rows. */
  public Update poll() throws IOException {
    boolean reset = false;
    byte[] fresh;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < offset || !Arrays.equals(read(ch, offset - guard.length, guard.length), guard)) {
        reset = offset > 0;
        offset = 0;
        line = 0;
        columns = null;
        guard = new byte[0];
      }
      fresh = read(ch, offset, (int) Math.min(Integer.MAX_VALUE - 8, size - offset));
    } catch (NoSuchFileException e) {
      return new Update(false, List.of(), List.of(), List.of());
    }
    int complete = (int) MetricsLog.completeLength(fresh);
    List<MetricRow> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (complete > 0) {
      String text = new String(fresh, 0, complete, StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length - 1; i++) {
        line++;
        String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
        if (columns == null) {
          List<String> header = MetricsLog.split(l);
          if (header == null || header.isEmpty()) {
            throw new IOException(file + " line 1: not a header of column names");
          }
          columns = List.copyOf(header);
          continue;
        }
        if (l.isEmpty()) {
          continue;
        }
        List<String> fields = MetricsLog.split(l);
        if (fields == null || fields.size() != columns.size()) {
          warnings.add(file + " line " + line + ": " + (fields == null ? "unbalanced quotes" : fields.size() + " fields where the header has " + columns.size()) + ", row skipped");
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
          values.put(columns.get(c), fields.get(c));
        }
        rows.add(new MetricRow(line, values));
      }
      offset += complete;
      int keep = Math.min(GUARD, (int) offset);
      guard = Arrays.copyOfRange(fresh, Math.max(0, complete - keep), complete);
      if (guard.length < keep) { // the guard reaches back before this read: take it from the file
        guard = Files.exists(file) ? readGuard(keep) : guard;
      }
    }
    return new Update(reset, columns == null ? List.of() : columns, rows, warnings);
  }

  private byte[] readGuard(int keep) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch, offset - keep, keep);
    }
  }

  private static byte[] read(FileChannel ch, long from, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(Math.max(0, length));
    while (buf.hasRemaining()) {
      if (ch.read(buf, from + buf.position()) < 0) {
        break;
      }
    }
    return Arrays.copyOf(buf.array(), buf.position());
  }
}
