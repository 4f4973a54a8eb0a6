package org.tkdworkbench.audio;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tells what a file is from its first bytes, not its name: a .wav that holds MP3 goes to ffmpeg,
 * and a text file named .wav is "not audio" rather than a mystery.
 *
 * @param kind which reader handles it
 * @param name a format name for messages and {@link SourceFormat#container()}
 * @param fromContent whether the bytes say so (false: guessed from the extension, or unknown)
 */
record Signature(Kind kind, String name, boolean fromContent) {
  /** Which reader handles a file. */
  enum Kind {
    /** RIFF/RIFX/RF64 WAVE: our own reader. */
    WAVE,
    /** FORM AIFF/AIFC: our own reader. */
    AIFF,
    /** Another audio format: ffmpeg's job. */
    OTHER,
    /** Nothing we recognise. */
    UNKNOWN
  }

  /** Bytes {@link #of} looks at. */
  static final int PREFIX = 16;

  /**
   * Identifies a file from its first (up to {@link #PREFIX}) bytes, using the extension only for
   * formats without a signature.
   */
  static Signature of(ByteBuffer prefix, Path file) {
    byte[] b = new byte[prefix.remaining()];
    prefix.duplicate().get(b);
    String head = ascii(b, 0, 4);
    String type = ascii(b, 8, 4);
    if ((head.equals("RIFF") || head.equals("RIFX") || head.equals("RF64"))) {
      if (type.equals("WAVE") || b.length < 12) {
        return new Signature(Kind.WAVE, "WAVE", true);
      }
      return new Signature(Kind.OTHER, "RIFF " + type.strip(), true);
    }
    if (head.equals("FORM")) {
      if (type.equals("AIFF") || type.equals("AIFC") || b.length < 12) {
        return new Signature(Kind.AIFF, type.equals("AIFC") ? "AIFF-C" : "AIFF", true);
      }
      return new Signature(Kind.OTHER, "IFF " + type.strip(), true);
    }
    String known = knownOther(b, head);
    if (known != null) {
      return new Signature(Kind.OTHER, known, true);
    }
    String extension = extension(file).toUpperCase(Locale.ROOT);
    if (AudioFiles.FFMPEG_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT))) {
      return new Signature(Kind.OTHER, extension, false);
    }
    return new Signature(Kind.UNKNOWN, extension.isEmpty() ? "UNKNOWN" : extension, false);
  }

  /** Whether the file's name says WAV or AIFF (so a failed sniff is surely "not audio"). */
  static boolean hasNativeExtension(Path file) {
    return AudioFiles.NATIVE_EXTENSIONS.contains(extension(file));
  }

  /** A short description of the first bytes, for "not audio" messages. */
  static String describe(ByteBuffer prefix) {
    byte[] b = new byte[Math.min(8, prefix.remaining())];
    prefix.duplicate().get(b);
    StringBuilder s = new StringBuilder("starts with bytes");
    for (byte x : b) {
      s.append(String.format(" %02x", x & 0xFF));
    }
    return s.toString();
  }

  private static String knownOther(byte[] b, String head) {
    switch (head) {
      case "fLaC":
        return "FLAC";
      case "OggS":
        return "OGG";
      case "caff":
        return "CAF";
      case ".snd":
        return "AU";
      case "MAC ":
        return "APE";
      case "wvpk":
        return "WAVPACK";
      case "TTA1":
        return "TTA";
      case "DSD ":
        return "DSF";
      case "FRM8":
        return "DSDIFF";
      case "riff":
        return "W64";
      default:
        break;
    }
    if (head.startsWith("ID3")) {
      return "MP3";
    }
    if (ascii(b, 0, 5).equals("#!AMR")) {
      return "AMR";
    }
    if (ascii(b, 4, 4).equals("ftyp")) {
      return "MP4";
    }
    if (startsWith(b, 0x1A, 0x45, 0xDF, 0xA3)) {
      return "MATROSKA";
    }
    if (startsWith(b, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)) {
      return "ASF";
    }
    // MPEG audio frame sync: 11 set bits. Layer bits 00 is AAC in ADTS, anything else MP1/2/3.
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
      return (b[1] & 0x06) == 0 ? "AAC" : "MP3";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... expected) {
    if (b.length < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((b[i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] b, int at, int length) {
    if (b.length < at + length) {
      return new String(
          Arrays.copyOfRange(b, Math.min(at, b.length), b.length), StandardCharsets.ISO_8859_1);
    }
    return new String(b, at, length, StandardCharsets.ISO_8859_1);
  }

  private static String extension(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "" : name.toString();
    int dot = s.lastIndexOf('.');
    return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
