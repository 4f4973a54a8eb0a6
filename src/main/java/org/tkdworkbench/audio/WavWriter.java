package org.tkdworkbench.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes mono WAV files: 16-bit PCM (what Speech Commands and the bundled sample use) or 32-bit
 * IEEE float.
 *
 * <h2>16-bit quantisation</h2>
 *
 * A sample {@code x} becomes {@code rint(x · 32768)} (round half to even, so the rule is symmetric
 * around zero) clamped to {@code [-32768, 32767]}: the exact inverse of the decoder's {@code code /
 * 32768}, so writing and decoding again changes a sample by at most half a step (1/65536). There is
 * no dither, on purpose: files must be byte-identical for a seed (dither needs its own random
 * stream), and the signals written here (keywords in noise at −6..6 dB SNR) carry noise tens of dB
 * above the 16-bit quantisation floor (−101 dBFS), which already decorrelates the rounding error.
 *
 * <p>Out-of-range samples are clamped, never wrapped (a wrap turns a slight overload into a
 * full-scale click), and counted in {@link Written#clipped()} so callers can report or avoid them;
 * {@link #PCM16_FULL_SCALE} is the largest magnitude that survives without clamping.
 *
 * <p>Float files keep samples as they are (no clamping) and carry the {@code fact} chunk the format
 * requires for non-PCM data. NaN and infinite samples are refused for both encodings: they would
 * poison every later computation silently.
 */
public final class WavWriter {
  /** How samples are stored. */
  public enum Encoding {
    /** Signed 16-bit little-endian PCM (format tag 1). */
    PCM_16(1, 16),
    /** 32-bit IEEE float (format tag 3). */
    FLOAT_32(3, 32);

    private final int formatTag;
    private final int bits;

    Encoding(int formatTag, int bits) {
      this.formatTag = formatTag;
      this.bits = bits;
    }

    public int bitsPerSample() {
      return bits;
    }
  }

  /**
   * What a write did.
   *
   * @param samples samples written
   * @param clipped samples beyond the encoding's range that were clamped (always 0 for float)
   */
  public record Written(int samples, int clipped) {}

  /** {@code 32767 / 32768}: the largest sample magnitude a 16-bit file holds without clamping. */
  public static final double PCM16_FULL_SCALE = 32767.0 / 32768.0;

  private WavWriter() {}

  /** Writes {@code samples} to a new or replaced {@code file}. */
  public static Written write(Path file, float[] samples, int sampleRate, Encoding encoding)
      throws IOException {
    try (OutputStream out =
        new BufferedOutputStream(
            Files.newOutputStream(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE),
            1 << 16)) {
      return write(out, samples, sampleRate, encoding);
    }
  }

  /** Writes a whole WAV file to {@code out} (not closed). */
  public static Written write(OutputStream out, float[] samples, int sampleRate, Encoding encoding)
      throws IOException {
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(encoding, "encoding");
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate must be positive, found " + sampleRate);
    }
    int bytesPerSample = encoding.bits / 8;
    long dataBytes = (long) samples.length * bytesPerSample;
    boolean isFloat = encoding == Encoding.FLOAT_32;
    int fmtBytes = isFloat ? 18 : 16; // float: cbSize present (0), as WAVEFORMATEX requires
    int factBytes = isFloat ? 12 : 0;
    long riffSize = 4 + (8 + fmtBytes) + factBytes + 8 + dataBytes;
    if (riffSize > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          samples.length + " samples do not fit in a RIFF WAV file (4 GiB)");
    }
    ByteBuffer h =
        ByteBuffer.allocate((int) (riffSize + 8 - dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
    h.put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"));
    h.put(ascii("fmt ")).putInt(fmtBytes);
    h.putShort((short) encoding.formatTag).putShort((short) 1); // mono
    h.putInt(sampleRate).putInt(sampleRate * bytesPerSample);
    h.putShort((short) bytesPerSample).putShort((short) encoding.bits);
    if (isFloat) {
      h.putShort((short) 0);
      h.put(ascii("fact")).putInt(4).putInt(samples.length);
    }
    h.put(ascii("data")).putInt((int) dataBytes);
    out.write(h.array());

    ByteBuffer block = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
    int clipped = 0;
    for (int i = 0; i < samples.length; i++) {
      float x = samples[i];
      if (!Float.isFinite(x)) {
        throw new IllegalArgumentException("sample " + i + " is " + x + "; refusing to write it");
      }
      if (isFloat) {
        block.putFloat(x);
      } else {
        double code = Math.rint(x * 32768.0);
        if (code > Short.MAX_VALUE) {
          code = Short.MAX_VALUE;
          clipped++;
        } else if (code < Short.MIN_VALUE) {
          code = Short.MIN_VALUE;
          clipped++;
        }
        block.putShort((short) code);
      }
      if (!block.hasRemaining()) {
        out.write(block.array(), 0, block.position());
        block.clear();
      }
    }
    out.write(block.array(), 0, block.position());
    return new Written(samples.length, clipped);
  }

  /** How many samples a 16-bit write would clamp. */
  public static int clippedPcm16(float[] samples) {
    int n = 0;
    for (float x : samples) {
      double code = Math.rint(x * 32768.0);
      if (code > Short.MAX_VALUE || code < Short.MIN_VALUE) {
        n++;
      }
    }
    return n;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
