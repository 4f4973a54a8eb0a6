package org.tkdworkbench.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The chunk walk and small helpers shared by the RIFF and AIFF header readers. */
final class Chunks {
  /** Walking more chunks than this before the data is taken as a corrupt file, not patience. */
  static final int MAX_CHUNKS = 4096;

  private Chunks() {}

  /** Sees each chunk of a walk. */
  @FunctionalInterface
  interface Visitor {
    /**
     * Handles the chunk {@code id} whose {@code size}-byte body starts at {@code body}.
     *
     * @return true to end the walk here (its size is then not checked against the file)
     */
    boolean visit(String id, long body, long size) throws IOException, AudioDecodeException;
  }

  /**
   * Walks the chunks from {@code start} to the end of the file, handing each to {@code visitor},
   * until the visitor ends the walk or the file ends.
   *
   * @return null if the walk ended cleanly, or why it could not go on: the file ends inside a chunk
   *     header, or a chunk claims more bytes than the file holds (that chunk was still visited)
   * @throws AudioDecodeException BAD_HEADER for an unreadable chunk id or more than {@link
   *     #MAX_CHUNKS} chunks
   */
  static String walk(ByteSource in, long start, ByteOrder order, Visitor visitor)
      throws IOException, AudioDecodeException {
    long position = start;
    for (int chunk = 0; ; chunk++) {
      if (chunk == MAX_CHUNKS) {
        throw fail(
            in,
            AudioDecodeException.Reason.BAD_HEADER,
            "more than " + MAX_CHUNKS + " chunks before the audio data");
      }
      long left = in.remaining(position);
      if (left == 0) {
        return null;
      }
      if (left < 8) {
        return "file ends inside a chunk header at offset " + position;
      }
      ByteBuffer header = in.read(position, 8, order);
      String id = fourCc(header, 0);
      long size = header.getInt(4) & 0xFFFFFFFFL;
      if (!isChunkId(id)) {
        throw fail(
            in,
            AudioDecodeException.Reason.BAD_HEADER,
            "unreadable chunk id at offset " + position);
      }
      long body = position + 8;
      if (visitor.visit(id, body, size)) {
        return null;
      }
      if (body + size > in.size()) {
        return "chunk '"
            + id.strip()
            + "' at offset "
            + position
            + " claims "
            + size
            + " bytes, but the file ends at "
            + in.size();
      }
      position = next(in, body, size);
    }
  }

  /** Four bytes at {@code at} as ISO-8859-1 characters. */
  static String fourCc(ByteBuffer b, int at) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      c[i] = (char) (b.get(at + i) & 0xFF);
    }
    return new String(c);
  }

  /** Chunk ids are four printable ASCII characters; anything else means we lost our place. */
  static boolean isChunkId(String id) {
    if (id.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** Whether a chunk header (a printable id and a size) starts at {@code position}. */
  static boolean idAt(ByteSource in, long position) throws IOException {
    return in.remaining(position) >= 8
        && isChunkId(fourCc(in.read(position, 4, ByteOrder.BIG_ENDIAN), 0));
  }

  /**
   * Where the chunk after one with {@code size} bytes at {@code body} starts. Chunks are padded to
   * even sizes, but some writers leave the pad byte out, so when the padded position holds no chunk
   * id and the unpadded one does, the unpadded one wins.
   */
  static long next(ByteSource in, long body, long size) throws IOException {
    long unpadded = body + size;
    if ((size & 1) == 0) {
      return unpadded;
    }
    long padded = unpadded + 1;
    if (!idAt(in, padded) && idAt(in, unpadded)) {
      return unpadded;
    }
    return padded;
  }

  static AudioDecodeException fail(
      ByteSource in, AudioDecodeException.Reason reason, String detail) {
    return new AudioDecodeException(in.file(), reason, detail);
  }
}
