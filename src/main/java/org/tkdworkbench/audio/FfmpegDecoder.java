package org.tkdworkbench.audio;

import static org.tkdworkbench.audio.AudioDecodeException.Reason.BAD_HEADER;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.DECODER_FAILED;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.INVALID_SAMPLES;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NOT_AUDIO;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NO_SAMPLES;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.TRUNCATED;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.UNSUPPORTED_FORMAT;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.ZERO_CHANNELS;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Decodes what Java code here does not (FLAC, Ogg, MP3, ADPCM WAV, ...) by running ffmpeg.
 *
 * <p>ffprobe reads the stream's rate and channel count first; ffmpeg then writes interleaved 32-bit
 * float at the file's own rate and channel count, and the mix-down and resampling are ours. Why not
 * let ffmpeg do both ({@code -ac 1 -ar N}): its stereo→mono mix weights each channel 1/√2, not 1/2,
 * so a FLAC copy of a WAV file would come out 3 dB louder, and its resampler differs from the one
 * WAV files go through. One pipeline for every format keeps features comparable.
 */
final class FfmpegDecoder {
  /** Time every run gets, plus {@link #PER_MEGABYTE} for each MB of input. */
  static final Duration BASE_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration PER_MEGABYTE = Duration.ofSeconds(1);
  private static final String INVALID_DATA = "Invalid data found when processing input";

  private final Path ffmpeg;
  private final Optional<Path> ffprobe;
  private final Duration baseTimeout;

  FfmpegDecoder(Path ffmpeg, Optional<Path> ffprobe, Duration baseTimeout) {
    this.ffmpeg = ffmpeg;
    this.ffprobe = ffprobe;
    this.baseTimeout = baseTimeout;
  }

  /** Mono samples at the file's own rate, and what the file held. */
  record Decoded(float[] mono, SourceFormat source) {}

  /**
   * Reads the first audio stream's format with ffprobe.
   *
   * @param recognised whether the file's own bytes said it is audio; when ffprobe cannot open a
   *     file that was only named like audio (or not even that), it is reported as not audio
   */
  SourceFormat probe(Path file, String container, boolean recognised, long fileSize)
      throws AudioDecodeException {
    if (ffprobe.isEmpty()) {
      throw new AudioDecodeException(
          file,
          UNSUPPORTED_FORMAT,
          container
              + " needs ffprobe, which ships with ffmpeg but was not found beside "
              + ffmpeg
              + " or on the PATH");
    }
    List<String> command =
        List.of(
            ffprobe.get().toString(),
            "-v",
            "error",
            "-hide_banner",
            "-select_streams",
            "a:0",
            "-show_entries",
            "stream=codec_name,sample_rate,channels,bits_per_raw_sample,bits_per_sample,"
                + "duration,duration_ts,time_base:format=duration",
            "-of",
            "flat",
            input(file));
    StringBuilder text = new StringBuilder();
    ExternalProcess.Result result =
        run(file, "ffprobe", command, fileSize, stdout -> text.append(readBounded(stdout)));
    if (result.exitCode() != 0) {
      throw failure(file, "ffprobe", result, !recognised);
    }
    Map<String, String> fields = parseFlat(text.toString());
    String codec = fields.get("streams.stream.0.codec_name");
    if (codec == null) {
      throw new AudioDecodeException(file, NOT_AUDIO, "ffprobe found no audio stream");
    }
    int channels = (int) number(fields.get("streams.stream.0.channels"), -1);
    double rate = number(fields.get("streams.stream.0.sample_rate"), 0);
    if (channels == 0) {
      throw new AudioDecodeException(file, ZERO_CHANNELS, "ffprobe reports 0 channels");
    }
    if (channels < 0 || channels > 65535 || !(rate >= 1)) {
      throw new AudioDecodeException(
          file, BAD_HEADER, "ffprobe reports " + channels + " channels at " + rate + " Hz");
    }
    int bits = (int) number(fields.get("streams.stream.0.bits_per_raw_sample"), 0);
    if (bits <= 0) {
      bits = (int) Math.max(0, number(fields.get("streams.stream.0.bits_per_sample"), 0));
    }
    return new SourceFormat(container, codec, (float) rate, channels, bits, frames(fields, rate));
  }

  /** Decodes the first audio stream to mono at its own rate. */
  Decoded decode(Path file, String container, boolean recognised, long fileSize)
      throws AudioDecodeException {
    SourceFormat format = probe(file, container, recognised, fileSize);
    int channels = format.channels();
    List<String> command =
        List.of(
            ffmpeg.toString(),
            "-nostdin",
            "-hide_banner",
            "-v",
            "error",
            "-i",
            input(file),
            "-map",
            "0:a:0",
            "-f",
            "f32le",
            "-acodec",
            "pcm_f32le",
            "-ac",
            Integer.toString(channels),
            "-ar",
            Long.toString(Math.round(format.sampleRate())),
            "-");
    MonoAccumulator mono = new MonoAccumulator(file, channels, format.frames());
    ExternalProcess.Result result = run(file, "ffmpeg", command, fileSize, mono::readAll);
    if (result.exitCode() != 0) {
      throw failure(file, "ffmpeg", result, false);
    }
    float[] samples = mono.samples();
    if (samples.length == 0) {
      throw new AudioDecodeException(file, NO_SAMPLES, "ffmpeg decoded 0 frames");
    }
    checkComplete(file, format, samples.length, result);
    if (mono.sawNonFinite()) {
      throw new AudioDecodeException(file, INVALID_SAMPLES, "ffmpeg decoded NaN or infinity");
    }
    SourceFormat decoded =
        new SourceFormat(
            container,
            format.encoding(),
            format.sampleRate(),
            channels,
            format.bitsPerSample(),
            samples.length);
    return new Decoded(samples, decoded);
  }

  /**
   * ffmpeg exits with 0 after decoding what is left of a truncated file. FLAC's header holds the
   * exact frame count, so any shortfall is truncation. Other containers only estimate a duration
   * (MP3's includes encoder padding that ffmpeg trims, Vorbis loses its first half-block), so only
   * a large shortfall that came with decoding errors counts.
   */
  private static void checkComplete(
      Path file, SourceFormat format, long decoded, ExternalProcess.Result result)
      throws AudioDecodeException {
    long promised = format.frames();
    boolean exact = format.encoding().equals("flac");
    boolean errors = !result.firstErrorLine().isEmpty();
    if (promised > 0 && decoded < promised && (exact || (errors && decoded < 0.9 * promised))) {
      String why = errors ? "; ffmpeg: " + result.firstErrorLine() : "";
      throw new AudioDecodeException(
          file,
          TRUNCATED,
          "header promises " + promised + " frames, ffmpeg decoded " + decoded + why);
    }
  }

  private ExternalProcess.Result run(
      Path file,
      String tool,
      List<String> command,
      long fileSize,
      ExternalProcess.StdoutConsumer stdout)
      throws AudioDecodeException {
    Duration timeout = baseTimeout.plus(PER_MEGABYTE.multipliedBy(fileSize / 1_000_000));
    try {
      return ExternalProcess.run(command, timeout, stdout);
    } catch (IOException e) {
      throw new AudioDecodeException(
          file, DECODER_FAILED, "could not run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (ExternalProcess.TimedOut e) {
      throw new AudioDecodeException(file, DECODER_FAILED, tool + " " + e.getMessage(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AudioDecodeException decodeException) {
        throw decodeException;
      }
      throw new AudioDecodeException(
          file, DECODER_FAILED, "reading " + tool + "'s output failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AudioDecodeException(file, DECODER_FAILED, tool + " was interrupted", e);
    }
  }

  /**
   * ffmpeg treats "http:", "concat:" and other prefixes as protocols; "file:" plus an absolute path
   * makes sure a file named like a URL is read as a file and nothing else.
   */
  private static String input(Path file) {
    return "file:" + file.toAbsolutePath();
  }

  private static AudioDecodeException failure(
      Path file, String tool, ExternalProcess.Result r, boolean notAudio) {
    String message = summary(file, r);
    if (notAudio || message.contains(INVALID_DATA)) {
      return new AudioDecodeException(file, NOT_AUDIO, tool + ": " + message);
    }
    return new AudioDecodeException(
        file,
        DECODER_FAILED,
        tool + " exited with code " + r.exitCode() + (message.isEmpty() ? "" : ": " + message));
  }

  /**
   * ffmpeg's own summary of an input error is the line that starts with the input's name (e.g.
   * "file:/x.mp3: Invalid argument"); demuxer chatter before it is less telling. Without such a
   * line, the first line. The input's name is cut off: the exception already names the file.
   */
  private static String summary(Path file, ExternalProcess.Result r) {
    String prefix = input(file) + ": ";
    return r.stderr()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()).strip())
        .reduce((first, second) -> second)
        .orElse(r.firstErrorLine());
  }

  /** Frames from the stream's duration in time-base units, else its duration in seconds. */
  private static long frames(Map<String, String> fields, double rate) {
    double ts = number(fields.get("streams.stream.0.duration_ts"), -1);
    String[] timeBase = fields.getOrDefault("streams.stream.0.time_base", "").split("/");
    if (ts >= 0 && timeBase.length == 2) {
      double num = number(timeBase[0], 0);
      double den = number(timeBase[1], 0);
      if (num > 0 && den > 0) {
        return Math.round(ts * num / den * rate);
      }
    }
    double seconds = number(fields.get("streams.stream.0.duration"), -1);
    if (seconds < 0) {
      seconds = number(fields.get("format.duration"), 0);
    }
    return Math.max(0, Math.round(seconds * rate));
  }

  static Map<String, String> parseFlat(String text) {
    Map<String, String> fields = new HashMap<>();
    for (String line : text.split("\\R")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        fields.put(line.substring(0, eq).strip(), value);
      }
    }
    return fields;
  }

  private static double number(String text, double otherwise) {
    if (text == null) {
      return otherwise;
    }
    try {
      double value = Double.parseDouble(text.strip());
      return Double.isFinite(value) ? value : otherwise;
    } catch (NumberFormatException e) {
      return otherwise; // "N/A"
    }
  }

  private static String readBounded(InputStream in) throws IOException {
    byte[] head = in.readNBytes(1 << 16);
    in.transferTo(OutputStream.nullOutputStream()); // a chatty ffprobe must not block
    return new String(head, StandardCharsets.UTF_8);
  }

  /** Mixes ffmpeg's interleaved little-endian floats down to mono as they arrive. */
  private static final class MonoAccumulator {
    private final Path file;
    private final int channels;
    private float[] samples;
    private int size;
    private boolean nonFinite;

    MonoAccumulator(Path file, int channels, long expectedFrames) throws AudioDecodeException {
      this.file = file;
      this.channels = channels;
      // The probe's frame count is a hint from the header, so it only sizes the first guess.
      this.samples = Samples.allocate(file, Math.min(Math.max(expectedFrames, 1024), 1 << 22));
    }

    void readAll(InputStream in) throws IOException, AudioDecodeException {
      int frameBytes = 4 * channels;
      byte[] buffer = new byte[Math.max(frameBytes, (1 << 16) / frameBytes * frameBytes)];
      int filled = 0;
      int n;
      while ((n = in.read(buffer, filled, buffer.length - filled)) >= 0) {
        filled += n;
        int frames = filled / frameBytes;
        append(buffer, frames);
        int used = frames * frameBytes;
        System.arraycopy(buffer, used, buffer, 0, filled - used);
        filled -= used;
      }
    }

    private void append(byte[] bytes, int frames) throws AudioDecodeException {
      if ((long) size + frames > Samples.MAX_SAMPLES) {
        throw Samples.tooLong(file, (long) size + frames);
      }
      if (size + frames > samples.length) {
        long grown =
            Math.max(size + frames, Math.min(Samples.MAX_SAMPLES, samples.length * 3L / 2));
        float[] larger = Samples.allocate(file, grown);
        System.arraycopy(samples, 0, larger, 0, size);
        samples = larger;
      }
      int at = 0;
      for (int f = 0; f < frames; f++) {
        double sum = 0;
        for (int c = 0; c < channels; c++) {
          int bits =
              (bytes[at] & 0xFF)
                  | (bytes[at + 1] & 0xFF) << 8
                  | (bytes[at + 2] & 0xFF) << 16
                  | (bytes[at + 3] & 0xFF) << 24;
          sum += Float.intBitsToFloat(bits);
          at += 4;
        }
        float value = (float) (sum / channels);
        nonFinite |= !Float.isFinite(value);
        samples[size++] = value;
      }
    }

    float[] samples() throws AudioDecodeException {
      return size == samples.length ? samples : Samples.copyOf(file, samples, size);
    }

    boolean sawNonFinite() {
      return nonFinite;
    }
  }
}
