package org.tkdworkbench.audio;

import static org.tkdworkbench.audio.AudioDecodeException.Reason.BAD_HEADER;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NO_SAMPLES;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.TRUNCATED;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.UNSUPPORTED_ENCODING;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.ZERO_CHANNELS;
import static org.tkdworkbench.audio.Chunks.fail;
import static org.tkdworkbench.audio.Chunks.fourCc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import org.tkdworkbench.audio.PcmHeader.SampleCoding;

/**
 * Reads the header of a RIFF/WAVE file (also RIFX, big-endian, and RF64 for files over 4 GB).
 *
 * <p>Why not Java Sound: it answers "File of unsupported format" alike for zero channels, ADPCM, an
 * unknown format tag and a text file, so users could not be told what is wrong; it reads a streamed
 * WAV whose data size is 0 as empty, and it cannot tell a truncated file from a header that claims
 * 4 GB. Walking the chunks ourselves gives each of those a precise reason.
 *
 * <p>Leniency that real files need: a data size of 0 or 0xFFFFFFFF (written by streaming recorders)
 * means "to the end of the file"; a trailing partial frame is dropped; chunks after the data chunk
 * are ignored; an odd-sized chunk whose pad byte was left out is still found; a block align that
 * disagrees with channels × bits is recomputed from the bits (the bits win; the one wider container
 * believed is 24-bit samples in 4 bytes, when the byte rate agrees).
 */
final class WavHeaderReader {
  private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
  private static final int TAG_PCM = 0x0001;
  private static final int TAG_FLOAT = 0x0003;
  private static final int TAG_ALAW = 0x0006;
  private static final int TAG_ULAW = 0x0007;
  private static final int TAG_EXTENSIBLE = 0xFFFE;

  /** Compressed codecs ffmpeg decodes from WAV files. */
  private static final Map<Integer, String> FFMPEG_CODECS =
      Map.of(
          0x0002, "Microsoft ADPCM",
          0x0011, "IMA ADPCM",
          0x0031, "GSM 6.10",
          0x0050, "MPEG audio",
          0x0055, "MP3",
          0x00FF, "AAC",
          0x0161, "Windows Media Audio",
          0x0162, "Windows Media Audio Pro",
          0x2000, "AC-3");

  /** The tail (bytes 4..15) of KSDATAFORMAT_SUBTYPE_PCM/IEEE_FLOAT/ALAW/MULAW. */
  private static final byte[] KS_SUBTYPE_TAIL = {
    0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
  };

  /** The tail of the ambisonic B-format sub-types, which carry plain PCM or float samples. */
  private static final byte[] AMBISONIC_SUBTYPE_TAIL = {
    0x21,
    0x07,
    (byte) 0xD3,
    0x11,
    (byte) 0x86,
    0x44,
    (byte) 0xC8,
    (byte) 0xC1,
    (byte) 0xCA,
    0x00,
    0x00,
    0x00
  };

  private WavHeaderReader() {}

  /** What the chunk walk found; -1 for what it did not. */
  private static final class Found {
    Fmt fmt;
    long ds64DataSize = -1;
    long dataOffset = -1;
    long dataSize = -1;
  }

  /** The fields of a 'fmt ' chunk we use. */
  private record Fmt(
      int tag, int channels, long sampleRate, long byteRate, int blockAlign, int bits, int valid) {}

  static Header read(ByteSource in) throws AudioDecodeException {
    try {
      return readChecked(in);
    } catch (IOException e) {
      throw new AudioDecodeException(
          in.file(), AudioDecodeException.Reason.NOT_READABLE, e.getMessage(), e);
    }
  }

  private static Header readChecked(ByteSource in) throws IOException, AudioDecodeException {
    ByteBuffer head = in.read(0, 12, ByteOrder.LITTLE_ENDIAN);
    if (head.remaining() < 12) {
      throw fail(in, TRUNCATED, "file ends inside the RIFF header (" + in.size() + " bytes)");
    }
    String magic = fourCc(head, 0);
    ByteOrder order = magic.equals("RIFX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    boolean rf64 = magic.equals("RF64");
    long riffSize = head.order(order).getInt(4) & 0xFFFFFFFFL;

    Found found = new Found();
    String overrun =
        Chunks.walk(
            in,
            12,
            order,
            (id, body, size) -> {
              if (id.equals("fmt ")) {
                found.fmt = parseFmt(in, body, size, order);
              } else if (id.equals("ds64") && rf64) {
                ByteBuffer ds64 = in.read(body, 16, order);
                if (ds64.remaining() == 16) {
                  found.ds64DataSize = ds64.getLong(8);
                }
              } else if (id.equals("data")) {
                found.dataOffset = body;
                found.dataSize = size;
                if (found.fmt != null) {
                  return true;
                }
                if (size == UNKNOWN_SIZE || size == 0) {
                  throw fail(in, BAD_HEADER, "the 'data' chunk comes before the 'fmt ' chunk");
                }
              }
              return false;
            });
    Fmt fmt = found.fmt;
    long dataOffset = found.dataOffset;
    long dataSize = found.dataSize;

    if (fmt == null || dataOffset < 0) {
      String missing = fmt == null ? "'fmt '" : "'data'";
      if (overrun != null) {
        throw fail(in, TRUNCATED, overrun + ", before the " + missing + " chunk");
      }
      boolean riffPromisesMore =
          riffSize != 0 && riffSize != UNKNOWN_SIZE && riffSize + 8 > in.size();
      if (riffPromisesMore) {
        throw fail(
            in,
            TRUNCATED,
            "no "
                + missing
                + " chunk; the RIFF header promises "
                + (riffSize + 8)
                + " bytes, the file holds "
                + in.size());
      }
      if (fmt == null) {
        throw fail(in, BAD_HEADER, "no 'fmt ' chunk");
      }
      throw fail(in, NO_SAMPLES, "no 'data' chunk");
    }
    if (rf64 && dataSize == UNKNOWN_SIZE && found.ds64DataSize >= 0) {
      dataSize = found.ds64DataSize;
    }

    Header layout = layout(in, fmt, order == ByteOrder.BIG_ENDIAN, dataOffset);
    long available = in.remaining(dataOffset);
    boolean streamed =
        dataSize == UNKNOWN_SIZE
            || (dataSize == 0 && available > 0 && !chunkFollows(in, dataOffset));
    long bytes = streamed ? available : dataSize;
    if (layout instanceof CompressedHeader) {
      // Frames are ffmpeg's business, but a data chunk cut short is plain to see here, and
      // ffmpeg would quietly decode what is left.
      if (bytes > available) {
        throw fail(
            in,
            TRUNCATED,
            "header promises " + bytes + " bytes of sample data, file holds " + available);
      }
      return layout;
    }
    PcmHeader pcm = (PcmHeader) layout;
    int frameBytes = pcm.bytesPerFrame();
    long promised = bytes / frameBytes;
    long held = Math.min(bytes, available) / frameBytes;
    if (held < promised) {
      throw fail(in, TRUNCATED, "header promises " + promised + " frames, file holds " + held);
    }
    if (promised == 0) {
      throw fail(in, NO_SAMPLES, "the 'data' chunk holds no whole frame (" + bytes + " bytes)");
    }
    return pcm.withFrames(promised);
  }

  private static Fmt parseFmt(ByteSource in, long body, long size, ByteOrder order)
      throws IOException, AudioDecodeException {
    if (size < 16) {
      throw fail(in, BAD_HEADER, "the 'fmt ' chunk is " + size + " bytes, at least 16 are needed");
    }
    ByteBuffer b = in.read(body, (int) Math.min(size, 40), order);
    if (b.remaining() < 16) {
      throw fail(in, TRUNCATED, "file ends inside the 'fmt ' chunk");
    }
    int tag = b.getShort(0) & 0xFFFF;
    int channels = b.getShort(2) & 0xFFFF;
    long rate = b.getInt(4) & 0xFFFFFFFFL;
    long byteRate = b.getInt(8) & 0xFFFFFFFFL;
    int blockAlign = b.getShort(12) & 0xFFFF;
    int bits = b.getShort(14) & 0xFFFF;
    int valid = bits;
    if (tag == TAG_EXTENSIBLE) {
      if (b.remaining() < 40) {
        throw fail(
            in, BAD_HEADER, "WAVE_FORMAT_EXTENSIBLE needs a 40-byte 'fmt ' chunk, found " + size);
      }
      valid = b.getShort(18) & 0xFFFF;
      byte[] tail = new byte[12];
      b.get(28, tail);
      if (!Arrays.equals(tail, KS_SUBTYPE_TAIL) && !Arrays.equals(tail, AMBISONIC_SUBTYPE_TAIL)) {
        throw fail(in, UNSUPPORTED_ENCODING, "WAVE_FORMAT_EXTENSIBLE sub-format " + guid(b, 24));
      }
      tag = b.getInt(24);
      if (valid == 0 || valid > bits) {
        valid = bits;
      }
    }
    return new Fmt(tag, channels, rate, byteRate, blockAlign, bits, valid);
  }

  private static Header layout(ByteSource in, Fmt fmt, boolean bigEndian, long dataOffset)
      throws AudioDecodeException {
    if (fmt.channels() == 0) {
      throw fail(in, ZERO_CHANNELS, "the 'fmt ' chunk says 0 channels");
    }
    if (fmt.sampleRate() == 0) {
      throw fail(in, BAD_HEADER, "unknown sample rate (0 Hz)");
    }
    String codec = FFMPEG_CODECS.get(fmt.tag());
    if (codec != null) {
      return new CompressedHeader("WAVE", codec + String.format(" (format tag 0x%04X)", fmt.tag()));
    }
    SampleCoding coding;
    int bytes;
    switch (fmt.tag()) {
      case TAG_PCM -> {
        if (fmt.bits() == 0) {
          throw fail(in, BAD_HEADER, "bits per sample is 0");
        }
        if (fmt.bits() > 32) {
          throw fail(in, UNSUPPORTED_ENCODING, fmt.bits() + "-bit integer PCM");
        }
        bytes = containerBytes(fmt, (fmt.bits() + 7) / 8);
        coding = bytes == 1 ? SampleCoding.UNSIGNED_INT : SampleCoding.SIGNED_INT;
      }
      case TAG_FLOAT -> {
        if (fmt.bits() != 32 && fmt.bits() != 64) {
          throw fail(in, UNSUPPORTED_ENCODING, fmt.bits() + "-bit IEEE float");
        }
        bytes = fmt.bits() / 8;
        coding = SampleCoding.FLOAT;
      }
      case TAG_ALAW, TAG_ULAW -> {
        if (fmt.bits() != 8) {
          throw fail(in, UNSUPPORTED_ENCODING, fmt.bits() + "-bit G.711");
        }
        bytes = 1;
        coding = fmt.tag() == TAG_ALAW ? SampleCoding.ALAW : SampleCoding.ULAW;
      }
      default ->
          throw fail(in, UNSUPPORTED_ENCODING, String.format("format tag 0x%04X", fmt.tag()));
    }
    int validBits = coding == SampleCoding.FLOAT ? fmt.bits() : Math.min(fmt.valid(), bytes * 8);
    return new PcmHeader(
        "WAVE",
        coding,
        bytes,
        validBits,
        bigEndian,
        fmt.channels(),
        fmt.sampleRate(),
        dataOffset,
        0);
  }

  /**
   * The sample container size: the bit depth rounded up to whole bytes, {@code minBytes} (for
   * WAVE_FORMAT_EXTENSIBLE the bit depth already is the container; its valid bits are separate).
   * The block align is believed over the bit depth only for the one wider layout real writers use,
   * 17..24-bit samples in 4 bytes, and only when the byte rate agrees with it. Anything else (16
   * bits with a block align of 4 per channel, or a block align too small for the bits) means a
   * writer got the block align wrong: trusting it would read packed 16-bit samples as 32-bit ones
   * at half the length.
   */
  private static int containerBytes(Fmt fmt, int minBytes) {
    long blockAlign = fmt.blockAlign();
    if (blockAlign == 0 || blockAlign % fmt.channels() != 0) {
      return minBytes;
    }
    boolean wide24 =
        minBytes == 3
            && blockAlign / fmt.channels() == 4
            && fmt.byteRate() == fmt.sampleRate() * blockAlign;
    return wide24 ? 4 : minBytes;
  }

  /** Whether another chunk header starts at {@code position} (a real empty data chunk). */
  private static boolean chunkFollows(ByteSource in, long position) throws IOException {
    return Chunks.idAt(in, position);
  }

  private static String guid(ByteBuffer b, int at) {
    ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    StringBuilder s =
        new StringBuilder(
            String.format(
                "{%08X-%04X-%04X-",
                le.getInt(at), le.getShort(at + 4) & 0xFFFF, le.getShort(at + 6) & 0xFFFF));
    for (int i = 8; i < 16; i++) {
      s.append(String.format("%02X", b.get(at + i) & 0xFF));
      if (i == 9) {
        s.append('-');
      }
    }
    return s.append('}').toString();
  }
}
