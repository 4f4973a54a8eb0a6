package org.tkdworkbench.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small helpers shared by the RIFF and AIFF chunk walkers. */
final class Chunks {
  private Chunks() {}

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
