package org.tkdworkbench.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional reads from an audio file whose size is fixed when it is opened.
 *
 * <p>Header readers only ever ask for a few bytes at a time, and every length they ask for is
 * capped by what the file actually holds, so a header that lies about sizes can never make us
 * allocate more than the file is long.
 */
final class ByteSource implements Closeable {
  private final Path file;
  private final FileChannel channel;
  private final long size;

  private ByteSource(Path file, FileChannel channel, long size) {
    this.file = file;
    this.channel = channel;
    this.size = size;
  }

  static ByteSource open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new ByteSource(file, channel, channel.size());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  Path file() {
    return file;
  }

  long size() {
    return size;
  }

  /** Bytes from {@code position} to the end of the file (0 past the end). */
  long remaining(long position) {
    return Math.max(0, size - position);
  }

  /**
   * Reads up to {@code length} bytes at {@code position}; fewer when the file ends first. The
   * returned buffer is flipped (its limit is the number of bytes read) and has {@code order}.
   */
  ByteBuffer read(long position, int length, ByteOrder order) throws IOException {
    int wanted = (int) Math.min(Math.max(0, length), remaining(position));
    ByteBuffer buffer = ByteBuffer.allocate(wanted).order(order);
    readFully(position, buffer);
    buffer.flip();
    return buffer;
  }

  /**
   * Fills {@code buffer} from {@code position} until it is full or the file ends; returns the
   * number of bytes read.
   */
  int readFully(long position, ByteBuffer buffer) throws IOException {
    int total = 0;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
