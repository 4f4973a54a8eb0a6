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
import java.util.Map;
import org.tkdworkbench.audio.PcmHeader.SampleCoding;

/**
 * Reads the header of an AIFF or AIFF-C file.
 *
 * <p>Why not Java Sound: it refuses AIFF-C with little-endian ('sowt', written by macOS tools) or
 * float ('fl32') samples, and it gives one "unsupported format" for every kind of damage. The COMM
 * chunk's frame count is the promise; the SSND chunk (and the file's end) say what is held.
 */
final class AiffHeaderReader {
  private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

  /** AIFF-C compression types we convert ourselves. */
  private record Coding(SampleCoding coding, int bytes, boolean bigEndian) {}

  private static final Map<String, Coding> CODINGS =
      Map.ofEntries(
          Map.entry("in24", new Coding(SampleCoding.SIGNED_INT, 3, true)),
          Map.entry("in32", new Coding(SampleCoding.SIGNED_INT, 4, true)),
          Map.entry("23ni", new Coding(SampleCoding.SIGNED_INT, 3, false)),
          Map.entry("42ni", new Coding(SampleCoding.SIGNED_INT, 4, false)),
          Map.entry("fl32", new Coding(SampleCoding.FLOAT, 4, true)),
          Map.entry("FL32", new Coding(SampleCoding.FLOAT, 4, true)),
          Map.entry("fl64", new Coding(SampleCoding.FLOAT, 8, true)),
          Map.entry("FL64", new Coding(SampleCoding.FLOAT, 8, true)),
          Map.entry("ulaw", new Coding(SampleCoding.ULAW, 1, true)),
          Map.entry("ULAW", new Coding(SampleCoding.ULAW, 1, true)),
          Map.entry("alaw", new Coding(SampleCoding.ALAW, 1, true)),
          Map.entry("ALAW", new Coding(SampleCoding.ALAW, 1, true)));

  /** AIFF-C compression types ffmpeg decodes. */
  private static final Map<String, String> FFMPEG_CODECS =
      Map.of(
          "ima4", "IMA4 ADPCM",
          "MAC3", "MACE 3:1",
          "MAC6", "MACE 6:1",
          "GSM ", "GSM 6.10",
          "QDM2", "QDesign Music 2",
          "QDMC", "QDesign Music",
          "Qclp", "Qualcomm PureVoice");

  private AiffHeaderReader() {}

  private record Comm(int channels, long frames, int sampleSize, double rate, String compression) {}

  /** What the chunk walk found; -1 for what it did not. */
  private static final class Found {
    Comm comm;
    long ssndBody = -1;
    long ssndSize = -1;
  }

  static Header read(ByteSource in) throws AudioDecodeException {
    try {
      return readChecked(in);
    } catch (IOException e) {
      throw new AudioDecodeException(
          in.file(), AudioDecodeException.Reason.NOT_READABLE, e.getMessage(), e);
    }
  }

  private static Header readChecked(ByteSource in) throws IOException, AudioDecodeException {
    ByteBuffer head = in.read(0, 12, ByteOrder.BIG_ENDIAN);
    if (head.remaining() < 12) {
      throw fail(in, TRUNCATED, "file ends inside the FORM header (" + in.size() + " bytes)");
    }
    long formSize = head.getInt(4) & 0xFFFFFFFFL;
    boolean aifc = fourCc(head, 8).equals("AIFC");
    String container = aifc ? "AIFF-C" : "AIFF";

    Found found = new Found();
    String overrun =
        Chunks.walk(
            in,
            12,
            ByteOrder.BIG_ENDIAN,
            (id, body, size) -> {
              if (id.equals("COMM")) {
                found.comm = parseComm(in, body, size, aifc);
              } else if (id.equals("SSND")) {
                found.ssndBody = body;
                found.ssndSize = size;
                return found.comm != null;
              }
              return false;
            });
    Comm comm = found.comm;
    long ssndBody = found.ssndBody;
    long ssndSize = found.ssndSize;

    if (comm == null) {
      if (overrun != null) {
        throw fail(in, TRUNCATED, overrun + ", before the 'COMM' chunk");
      }
      if (formSize != 0 && formSize != UNKNOWN_SIZE && formSize + 8 > in.size()) {
        throw fail(
            in,
            TRUNCATED,
            "no 'COMM' chunk; the FORM header promises "
                + (formSize + 8)
                + " bytes, the file holds "
                + in.size());
      }
      throw fail(in, BAD_HEADER, "no 'COMM' chunk");
    }
    Header layout = layout(in, comm, container);
    if (layout instanceof CompressedHeader) {
      return layout;
    }
    PcmHeader pcm = (PcmHeader) layout;
    if (comm.frames() == 0) {
      throw fail(in, NO_SAMPLES, "the 'COMM' chunk says 0 sample frames");
    }
    if (ssndBody < 0) {
      throw fail(
          in,
          TRUNCATED,
          "header promises "
              + comm.frames()
              + " frames, file holds 0 (no 'SSND' chunk)"
              + (overrun == null ? "" : "; " + overrun));
    }
    ByteBuffer ssnd = in.read(ssndBody, 8, ByteOrder.BIG_ENDIAN);
    if (ssnd.remaining() < 8) {
      throw fail(in, TRUNCATED, "file ends inside the 'SSND' chunk header");
    }
    long offset = ssnd.getInt(0) & 0xFFFFFFFFL;
    long dataOffset = ssndBody + 8 + offset;
    long held = in.remaining(dataOffset);
    if (ssndSize != 0 && ssndSize != UNKNOWN_SIZE && ssndSize >= 8 + offset) {
      held = Math.min(held, ssndSize - 8 - offset);
    }
    long frameBytes = pcm.bytesPerFrame();
    long promised = comm.frames() == UNKNOWN_SIZE ? held / frameBytes : comm.frames();
    long heldFrames = held / frameBytes;
    if (heldFrames < promised) {
      throw fail(
          in, TRUNCATED, "header promises " + promised + " frames, file holds " + heldFrames);
    }
    if (promised == 0) {
      throw fail(in, NO_SAMPLES, "the 'SSND' chunk holds no whole frame");
    }
    return new PcmHeader(
        container,
        pcm.coding(),
        pcm.bytesPerSample(),
        pcm.validBits(),
        pcm.bigEndian(),
        pcm.channels(),
        pcm.sampleRate(),
        dataOffset,
        promised);
  }

  private static Comm parseComm(ByteSource in, long body, long size, boolean aifc)
      throws IOException, AudioDecodeException {
    int needed = aifc ? 22 : 18;
    if (size < needed) {
      throw fail(in, BAD_HEADER, "the 'COMM' chunk is " + size + " bytes, " + needed + " needed");
    }
    ByteBuffer b = in.read(body, needed, ByteOrder.BIG_ENDIAN);
    if (b.remaining() < needed) {
      throw fail(in, TRUNCATED, "file ends inside the 'COMM' chunk");
    }
    int channels = b.getShort(0);
    long frames = b.getInt(2) & 0xFFFFFFFFL;
    int sampleSize = b.getShort(6);
    double rate = extended(b, 8);
    String compression = aifc ? fourCc(b, 18) : "NONE";
    return new Comm(channels, frames, sampleSize, rate, compression);
  }

  private static Header layout(ByteSource in, Comm comm, String container)
      throws AudioDecodeException {
    if (comm.channels() == 0) {
      throw fail(in, ZERO_CHANNELS, "the 'COMM' chunk says 0 channels");
    }
    if (comm.channels() < 0) {
      throw fail(in, BAD_HEADER, "the 'COMM' chunk says " + comm.channels() + " channels");
    }
    if (comm.rate() == 0) {
      throw fail(in, BAD_HEADER, "unknown sample rate (0 Hz)");
    }
    if (!(comm.rate() >= 1 && comm.rate() <= 0xFFFFFFFFL)) {
      throw fail(in, BAD_HEADER, "implausible sample rate " + comm.rate() + " Hz");
    }
    String compression = comm.compression();
    String codec = FFMPEG_CODECS.get(compression);
    if (codec != null) {
      return new CompressedHeader(container, codec + " ('" + compression + "')");
    }
    Coding coding = CODINGS.get(compression);
    int validBits;
    if (coding != null) {
      validBits =
          coding.coding() == SampleCoding.FLOAT || coding.bytes() == 1
              ? coding.bytes() * 8
              : Math.max(1, Math.min(comm.sampleSize(), coding.bytes() * 8));
    } else {
      boolean twos = compression.equals("NONE") || compression.equals("twos");
      boolean sowt = compression.equals("sowt");
      boolean raw = compression.equals("raw ");
      if (!twos && !sowt && !raw) {
        throw fail(in, UNSUPPORTED_ENCODING, "AIFF-C compression '" + compression + "'");
      }
      int bits = comm.sampleSize();
      if (bits <= 0) {
        throw fail(in, BAD_HEADER, "sample size is " + bits + " bits");
      }
      if (bits > 32) {
        throw fail(in, UNSUPPORTED_ENCODING, bits + "-bit integer PCM");
      }
      int bytes = (bits + 7) / 8;
      coding = new Coding(raw ? SampleCoding.UNSIGNED_INT : SampleCoding.SIGNED_INT, bytes, !sowt);
      validBits = bits;
    }
    return new PcmHeader(
        container,
        coding.coding(),
        coding.bytes(),
        validBits,
        coding.bigEndian(),
        comm.channels(),
        comm.rate(),
        0,
        0);
  }

  /**
   * An IEEE 754 80-bit extended float (AIFF's sample rate): sign, 15-bit exponent, 64-bit mantissa.
   */
  static double extended(ByteBuffer b, int at) {
    int signExponent = b.getShort(at) & 0xFFFF;
    long mantissa = b.getLong(at + 2);
    int exponent = signExponent & 0x7FFF;
    if (exponent == 0x7FFF) {
      return Double.NaN;
    }
    double unsigned = (mantissa >>> 1) * 2.0 + (mantissa & 1);
    double value = Math.scalb(unsigned, exponent - 16383 - 63);
    return (signExponent & 0x8000) != 0 ? -value : value;
  }
}
