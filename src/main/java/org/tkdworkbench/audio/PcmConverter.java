package org.tkdworkbench.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.tkdworkbench.audio.PcmHeader.SampleCoding;

/**
 * Turns interleaved sample bytes into mono floats: decodes each sample from its container (integer
 * of 1..4 bytes, either byte order, signed or offset binary; 32/64-bit IEEE float; G.711) and
 * averages the channels of each frame.
 *
 * <p>Integers are scaled by their container's full range (2^(8·bytes−1)), so the most negative code
 * maps to exactly −1 and a sample narrower than its container (20 bits in 24, left-justified as WAV
 * and AIFF both require) keeps its true level. Floats are passed through unclipped.
 */
final class PcmConverter {
  /**
   * Read about this many bytes per I/O call: large enough to be fast, small enough to not matter.
   */
  private static final int BLOCK_BYTES = 1 << 16;

  private final SampleCoding coding;
  private final int bytes;
  private final boolean bigEndian;
  private final int channels;
  private final float[] table;
  private final double scale;
  private boolean nonFinite;

  PcmConverter(PcmHeader header) {
    this.coding = header.coding();
    this.bytes = header.bytesPerSample();
    this.bigEndian = header.bigEndian();
    this.channels = header.channels();
    this.table =
        switch (coding) {
          case ULAW -> G711.ulaw();
          case ALAW -> G711.alaw();
          default -> null;
        };
    this.scale = bytes <= 4 ? 1.0 / (1L << (8 * bytes - 1)) : 1.0;
  }

  /**
   * Reads all {@code header.frames()} frames of {@code in} as mono floats.
   *
   * @throws AudioDecodeException TRUNCATED if the file shrank since its header was read, TOO_LONG
   *     if the samples do not fit in memory, INVALID_SAMPLES for NaN or infinite floats
   */
  static float[] readMono(ByteSource in, PcmHeader header) throws AudioDecodeException {
    PcmConverter converter = new PcmConverter(header);
    float[] out = Samples.allocate(in.file(), header.frames());
    int frameBytes = header.bytesPerFrame();
    int framesPerBlock = Math.max(1, BLOCK_BYTES / frameBytes);
    ByteBuffer block = ByteBuffer.allocate(framesPerBlock * frameBytes);
    int done = 0;
    try {
      while (done < out.length) {
        int frames = Math.min(framesPerBlock, out.length - done);
        block.clear().limit(frames * frameBytes);
        long position = header.dataOffset() + (long) done * frameBytes;
        int read = in.readFully(position, block);
        if (read < frames * frameBytes) {
          throw new AudioDecodeException(
              in.file(),
              AudioDecodeException.Reason.TRUNCATED,
              "header promises "
                  + header.frames()
                  + " frames, file holds "
                  + (done + read / frameBytes)
                  + " (did the file change while it was read?)");
        }
        converter.toMono(block.array(), frames, out, done);
        done += frames;
      }
    } catch (IOException e) {
      throw new AudioDecodeException(
          in.file(), AudioDecodeException.Reason.NOT_READABLE, e.getMessage(), e);
    }
    if (converter.nonFinite) {
      throw new AudioDecodeException(
          in.file(),
          AudioDecodeException.Reason.INVALID_SAMPLES,
          "NaN or infinite " + 8 * header.bytesPerSample() + "-bit float samples");
    }
    return out;
  }

  /** Converts {@code frames} interleaved frames from {@code src} into mono {@code out[at..]}. */
  void toMono(byte[] src, int frames, float[] out, int at) {
    int index = 0;
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += sample(src, index);
        index += bytes;
      }
      float value = (float) (sum / channels);
      if (!Float.isFinite(value)) {
        nonFinite = true;
      }
      out[at + f] = value;
    }
  }

  private double sample(byte[] src, int at) {
    return switch (coding) {
      case SIGNED_INT -> signExtend(raw(src, at)) * scale;
      case UNSIGNED_INT -> (raw(src, at) - (1L << (8 * bytes - 1))) * scale;
      case FLOAT ->
          bytes == 4
              ? Float.intBitsToFloat((int) raw(src, at))
              : Double.longBitsToDouble(raw(src, at));
      case ULAW, ALAW -> table[src[at] & 0xFF];
    };
  }

  /** The container's bytes as an unsigned number, in the file's byte order. */
  private long raw(byte[] src, int at) {
    long value = 0;
    if (bigEndian) {
      for (int i = 0; i < bytes; i++) {
        value = (value << 8) | (src[at + i] & 0xFF);
      }
    } else {
      for (int i = bytes - 1; i >= 0; i--) {
        value = (value << 8) | (src[at + i] & 0xFF);
      }
    }
    return value;
  }

  private long signExtend(long value) {
    int shift = 64 - 8 * bytes;
    return (value << shift) >> shift;
  }
}
