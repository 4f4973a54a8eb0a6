package org.tkdworkbench.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes WAV and AIFF files byte by byte from analytic signals, independently of the code under
 * test, so that decoded samples can be checked against the formula that made them.
 */
final class TestAudio {
  private TestAudio() {}

  /** The value of channel {@code channel} at frame {@code frame}, nominally in [-1, 1]. */
  @FunctionalInterface
  interface Signal {
    double at(int channel, int frame);
  }

  static Signal sine(double frequency, double amplitude, double rate) {
    return (c, i) -> amplitude * Math.sin(2 * Math.PI * frequency * i / rate);
  }

  /** Channel {@code c} holds a sine of {@code 200·(c+1)} Hz plus a DC of {@code 0.05·c}. */
  static Signal perChannel(double rate) {
    return (c, i) -> 0.05 * c + 0.3 * Math.sin(2 * Math.PI * 200 * (c + 1) * i / rate);
  }

  /** The mean over channels, which a mix-down must reproduce. */
  static double mix(Signal s, int channels, int frame) {
    double sum = 0;
    for (int c = 0; c < channels; c++) {
      sum += s.at(c, frame);
    }
    return sum / channels;
  }

  /** An integer code for {@code x} at {@code bits}: round(x · 2^(bits−1)), clamped. */
  static long quantise(double x, int bits) {
    double full = Math.pow(2, bits - 1);
    return (long) Math.max(-full, Math.min(full - 1, Math.round(x * full)));
  }

  // ---------------------------------------------------------------- sample bytes

  /**
   * Interleaved integer samples of {@code bits} left-justified in {@code containerBytes}: offset
   * binary (8-bit WAV) when {@code offsetBinary}, else two's complement.
   */
  static byte[] intSamples(
      Signal s,
      int channels,
      int frames,
      int bits,
      int containerBytes,
      ByteOrder order,
      boolean offsetBinary) {
    ByteBuffer b = ByteBuffer.allocate(frames * channels * containerBytes).order(order);
    int shift = containerBytes * 8 - bits; // left-justify narrower samples
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        long code = quantise(s.at(c, i), bits) << shift;
        if (offsetBinary) {
          code += 1L << (containerBytes * 8 - 1);
        }
        putInt(b, code, containerBytes, order);
      }
    }
    return b.array();
  }

  static byte[] floatSamples(Signal s, int channels, int frames, int bits, ByteOrder order) {
    ByteBuffer b = ByteBuffer.allocate(frames * channels * bits / 8).order(order);
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        if (bits == 32) {
          b.putFloat((float) s.at(c, i));
        } else {
          b.putDouble(s.at(c, i));
        }
      }
    }
    return b.array();
  }

  private static void putInt(ByteBuffer b, long code, int bytes, ByteOrder order) {
    for (int k = 0; k < bytes; k++) {
      int shift = order == ByteOrder.BIG_ENDIAN ? 8 * (bytes - 1 - k) : 8 * k;
      b.put((byte) (code >> shift));
    }
  }

  // ---------------------------------------------------------------- WAV

  /** A 16-byte WAVE_FORMAT_PCM / IEEE_FLOAT 'fmt ' body. */
  static byte[] fmt(int tag, int channels, int rate, int blockAlign, int bits) {
    return le(16)
        .putShort((short) tag)
        .putShort((short) channels)
        .putInt(rate)
        .putInt(rate * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) bits)
        .array();
  }

  /** A 40-byte WAVE_FORMAT_EXTENSIBLE 'fmt ' body with the standard sub-format GUID. */
  static byte[] fmtExtensible(
      int subTag, int channels, int rate, int containerBits, int validBits) {
    int blockAlign = channels * containerBits / 8;
    ByteBuffer b =
        le(40)
            .putShort((short) 0xFFFE)
            .putShort((short) channels)
            .putInt(rate)
            .putInt(rate * blockAlign)
            .putShort((short) blockAlign)
            .putShort((short) containerBits)
            .putShort((short) 22)
            .putShort((short) validBits)
            .putInt(channels == 6 ? 0x3F : 0)
            .putInt(subTag);
    b.put(new byte[] {0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
    return b.array();
  }

  static byte[] chunk(String id, byte[] body) {
    return chunk(id, body.length, body);
  }

  /** A little-endian chunk whose size field says {@code declaredSize}, padded to even length. */
  static byte[] chunk(String id, long declaredSize, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(le(4).putInt((int) declaredSize).array());
    out.writeBytes(body);
    if (body.length % 2 == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  /** RIFF + size + WAVE + the chunks. */
  static byte[] riff(byte[]... chunks) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
    for (byte[] c : chunks) {
      body.writeBytes(c);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(le(4).putInt(body.size()).array());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** A plain WAV of integer PCM: 8-bit unsigned, 16/24/32-bit signed, little-endian. */
  static byte[] wavPcm(int rate, int channels, int bits, int frames, Signal s) {
    int bytes = bits / 8;
    byte[] data = intSamples(s, channels, frames, bits, bytes, ByteOrder.LITTLE_ENDIAN, bits == 8);
    return riff(chunk("fmt ", fmt(1, channels, rate, channels * bytes, bits)), chunk("data", data));
  }

  /** A WAVE_FORMAT_IEEE_FLOAT (tag 3) WAV with an 18-byte fmt and a 'fact' chunk. */
  static byte[] wavFloat(int rate, int channels, int bits, int frames, Signal s) {
    byte[] fmt16 = fmt(3, channels, rate, channels * bits / 8, bits);
    byte[] fmt18 = ByteBuffer.allocate(18).put(fmt16).array(); // cbSize = 0
    return riff(
        chunk("fmt ", fmt18),
        chunk("fact", le(4).putInt(frames).array()),
        chunk("data", floatSamples(s, channels, frames, bits, ByteOrder.LITTLE_ENDIAN)));
  }

  /** A WAVE_FORMAT_EXTENSIBLE WAV; {@code validBits} narrower than the container is allowed. */
  static byte[] wavExtensible(
      int rate,
      int channels,
      int containerBits,
      int validBits,
      boolean isFloat,
      int frames,
      Signal s) {
    byte[] data =
        isFloat
            ? floatSamples(s, channels, frames, containerBits, ByteOrder.LITTLE_ENDIAN)
            : intSamples(
                s, channels, frames, validBits, containerBits / 8, ByteOrder.LITTLE_ENDIAN, false);
    return riff(
        chunk("fmt ", fmtExtensible(isFloat ? 3 : 1, channels, rate, containerBits, validBits)),
        chunk("data", data));
  }

  // ---------------------------------------------------------------- AIFF

  /**
   * An IEEE 754 80-bit extended float for a positive integer rate: exponent 16383 + e and the rate
   * shifted so its top bit is the explicit integer bit.
   */
  static byte[] extended(long rate) {
    int e = 63 - Long.numberOfLeadingZeros(rate);
    return ByteBuffer.allocate(10).putShort((short) (16383 + e)).putLong(rate << (63 - e)).array();
  }

  static byte[] beChunk(String id, long declaredSize, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) declaredSize).array());
    out.writeBytes(body);
    if (body.length % 2 == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  static byte[] comm(int channels, long frames, int bits, long rate, String compression) {
    ByteBuffer b = ByteBuffer.allocate(compression == null ? 18 : 24);
    b.putShort((short) channels).putInt((int) frames).putShort((short) bits).put(extended(rate));
    if (compression != null) {
      b.put(compression.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
    }
    return b.array();
  }

  static byte[] ssnd(byte[] data) {
    return ByteBuffer.allocate(8 + data.length).putInt(0).putInt(0).put(data).array();
  }

  static byte[] form(String type, byte[]... chunks) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
    for (byte[] c : chunks) {
      body.writeBytes(c);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("FORM".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(ByteBuffer.allocate(4).putInt(body.size()).array());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** A plain AIFF of big-endian signed integers of 8..32 bits. */
  static byte[] aiff(int rate, int channels, int bits, int frames, Signal s) {
    int bytes = (bits + 7) / 8;
    byte[] data = intSamples(s, channels, frames, bits, bytes, ByteOrder.BIG_ENDIAN, false);
    byte[] comm = comm(channels, frames, bits, rate, null);
    byte[] ssnd = ssnd(data);
    return form("AIFF", beChunk("COMM", comm.length, comm), beChunk("SSND", ssnd.length, ssnd));
  }

  /** An AIFF-C: 'sowt' (little-endian 16-bit), 'fl32' (float) or 'NONE' (big-endian 16-bit). */
  static byte[] aifc(String compression, int rate, int channels, int frames, Signal s) {
    byte[] data =
        switch (compression) {
          case "sowt" -> intSamples(s, channels, frames, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
          case "fl32" -> floatSamples(s, channels, frames, 32, ByteOrder.BIG_ENDIAN);
          default -> intSamples(s, channels, frames, 16, 2, ByteOrder.BIG_ENDIAN, false);
        };
    int bits = compression.equals("fl32") ? 32 : 16;
    byte[] comm = comm(channels, frames, bits, rate, compression);
    byte[] fver = ByteBuffer.allocate(4).putInt(0xA2805140).array();
    byte[] ssnd = ssnd(data);
    return form(
        "AIFC",
        beChunk("FVER", 4, fver),
        beChunk("COMM", comm.length, comm),
        beChunk("SSND", ssnd.length, ssnd));
  }

  // ---------------------------------------------------------------- misc

  static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }
}
