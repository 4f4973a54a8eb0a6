package org.tkdworkbench.audio;

import static org.tkdworkbench.audio.AudioDecodeException.Reason.EMPTY;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.INTERNAL_ERROR;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NOT_AUDIO;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NOT_FOUND;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NOT_READABLE;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NO_SAMPLES;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.UNSUPPORTED_ENCODING;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.UNSUPPORTED_FORMAT;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes audio files to mono float PCM at a target rate.
 *
 * <p>WAV (RIFF, RIFX, RF64; PCM, IEEE float, WAVE_FORMAT_EXTENSIBLE, G.711) and AIFF/AIFF-C are
 * read in Java: our own header parser, then bytes to floats with channels averaged. Anything else
 * (FLAC, Ogg, MP3, ADPCM inside WAV, ...) goes through {@code ffmpeg} when it is installed; without
 * it such files are refused with {@link AudioDecodeException.Reason#UNSUPPORTED_FORMAT} (or {@code
 * UNSUPPORTED_ENCODING} for a codec inside a WAV/AIFF). Nothing is ever downloaded. Every rate is
 * converted with TarsosDSP's resampler, so all formats share one pipeline.
 *
 * <p>No input makes {@link #decode} or {@link #probe} throw anything but {@link
 * AudioDecodeException} (a bug in this code is reported as {@code INTERNAL_ERROR}), hang (ffmpeg
 * runs under a timeout) or allocate more than the file's real contents need. Instances hold no
 * mutable state and may be shared between threads.
 */
public class AudioDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(AudioDecoder.class);

  private final Optional<Path> ffmpeg;
  private final FfmpegDecoder ffmpegDecoder;

  /** A decoder that uses ffmpeg from {@code -Dtkd.ffmpeg=...} or the PATH, if there is one. */
  public AudioDecoder() {
    this(locateFfmpeg());
  }

  /**
   * A decoder that uses the given ffmpeg binary, or none: {@code Optional.empty()} refuses formats
   * other than WAV/AIFF (tests use it to simulate a machine without ffmpeg). ffprobe is looked for
   * beside it, then on the PATH.
   */
  public AudioDecoder(Optional<Path> ffmpeg) {
    this(ffmpeg, FfmpegDecoder.BASE_TIMEOUT);
  }

  /** As {@link #AudioDecoder(Optional)}, with the base time ffmpeg gets before it is stopped. */
  AudioDecoder(Optional<Path> ffmpeg, Duration ffmpegTimeout) {
    this(ffmpeg, ffmpeg.flatMap(FfmpegLocator::ffprobeBeside), ffmpegTimeout);
  }

  /** For tests: ffprobe given explicitly, so its absence can be simulated too. */
  AudioDecoder(Optional<Path> ffmpeg, Optional<Path> ffprobe, Duration ffmpegTimeout) {
    this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
    this.ffmpegDecoder = ffmpeg.map(f -> new FfmpegDecoder(f, ffprobe, ffmpegTimeout)).orElse(null);
  }

  /**
   * Finds ffmpeg: the system property {@code tkd.ffmpeg} when set (and then only that), otherwise
   * the first {@code ffmpeg} on the PATH.
   */
  public static Optional<Path> locateFfmpeg() {
    return FfmpegLocator.locateFfmpeg();
  }

  /** The ffmpeg this decoder uses for formats other than WAV/AIFF, if any. */
  public Optional<Path> ffmpeg() {
    return ffmpeg;
  }

  /**
   * Decodes {@code file}, mixes it down to mono by averaging its channels, and resamples it to
   * {@code targetSampleRate} (exactly {@code round(frames · target / rate)} samples; no resampling
   * when the rates are equal). A file so short that this rounds to 0 samples is refused with {@code
   * NO_SAMPLES}: a clip is never empty.
   *
   * @throws AudioDecodeException for any file that cannot be decoded, with a reason and a message
   *     that starts with the file's path; {@code TOO_LONG} also when the heap cannot hold it
   * @throws IllegalArgumentException if {@code targetSampleRate} is not positive
   */
  public AudioClip decode(Path file, int targetSampleRate) throws AudioDecodeException {
    Objects.requireNonNull(file, "file");
    if (targetSampleRate <= 0) {
      throw new IllegalArgumentException(
          "targetSampleRate must be positive, found " + targetSampleRate);
    }
    long[] samples = {0}; // the clip's length once known, for the out-of-memory message
    try {
      return decodeChecked(file, targetSampleRate, samples);
    } catch (RuntimeException e) {
      throw internalError(file, e);
    } catch (OutOfMemoryError e) {
      // Arrays sized by the file already fail as TOO_LONG in Samples.allocate; this catches the
      // rest (the resampler's buffers, ...). The array that did not fit was never made, so the
      // heap is as it was and the caller can go on with the next file.
      throw Samples.outOfMemory(file, samples[0], e);
    }
  }

  /**
   * Reads only the header: format, channels, rate and length, without decoding samples. Fails like
   * {@link #decode} for everything the header shows (including a truncated data chunk). Formats
   * other than WAV/AIFF are probed with ffprobe; their frame count comes from the container's
   * duration (0 when it gives none).
   */
  public SourceFormat probe(Path file) throws AudioDecodeException {
    Objects.requireNonNull(file, "file");
    try {
      Route route = route(file);
      if (route.pcm() != null) {
        return route.pcm().toSourceFormat();
      }
      return ffmpegFor(file, route)
          .probe(file, route.container(), route.recognised(), route.fileSize());
    } catch (RuntimeException e) {
      throw internalError(file, e);
    }
  }

  private AudioClip decodeChecked(Path file, int target, long[] samples)
      throws AudioDecodeException {
    Route route = route(file);
    float[] mono;
    SourceFormat source;
    if (route.pcm() != null) {
      samples[0] = route.pcm().frames();
      try (ByteSource in = open(file)) {
        mono = PcmConverter.readMono(in, route.pcm());
      } catch (IOException e) {
        throw AudioDecodeException.readFailure(file, e);
      }
      source = route.pcm().toSourceFormat();
    } else {
      FfmpegDecoder.Decoded decoded =
          ffmpegFor(file, route)
              .decode(file, route.container(), route.recognised(), route.fileSize());
      mono = decoded.mono();
      source = decoded.source();
    }
    samples[0] =
        Math.max(mono.length, Resampling.outputLength(mono.length, source.sampleRate(), target));
    return new AudioClip(resample(file, mono, source.sampleRate(), target), target, source);
  }

  /**
   * Where a file goes: {@code pcm} set for WAV/AIFF we read ourselves; otherwise ffmpeg, with
   * {@code codec} naming a compressed codec inside a WAV/AIFF (null for other containers).
   */
  private record Route(
      PcmHeader pcm, String container, String codec, boolean recognised, long fileSize) {}

  private Route route(Path file) throws AudioDecodeException {
    try (ByteSource in = open(file)) {
      if (in.size() == 0) {
        throw new AudioDecodeException(file, EMPTY, null);
      }
      ByteBuffer prefix = in.read(0, Signature.PREFIX, ByteOrder.BIG_ENDIAN);
      Signature signature = Signature.of(prefix, file);
      Header header =
          switch (signature.kind()) {
            case WAVE -> WavHeaderReader.read(in);
            case AIFF -> AiffHeaderReader.read(in);
            case OTHER -> null;
            case UNKNOWN -> {
              if (Signature.hasNativeExtension(file) || ffmpegDecoder == null) {
                throw new AudioDecodeException(
                    file,
                    NOT_AUDIO,
                    "not WAV, AIFF or another known audio format; " + Signature.describe(prefix));
              }
              yield null;
            }
          };
      if (header instanceof PcmHeader pcm) {
        return new Route(pcm, pcm.container(), null, true, in.size());
      }
      if (header instanceof CompressedHeader compressed) {
        return new Route(null, compressed.container(), compressed.codec(), true, in.size());
      }
      return new Route(null, signature.name(), null, signature.fromContent(), in.size());
    } catch (IOException e) {
      throw AudioDecodeException.readFailure(file, e);
    }
  }

  private FfmpegDecoder ffmpegFor(Path file, Route route) throws AudioDecodeException {
    if (ffmpegDecoder != null) {
      return ffmpegDecoder;
    }
    String hint =
        "needs ffmpeg on the PATH, which was not found (install it, e.g. apt-get install ffmpeg,"
            + " or point -D"
            + FfmpegLocator.PROPERTY
            + "= at it)";
    if (route.codec() != null) {
      throw new AudioDecodeException(
          file, UNSUPPORTED_ENCODING, route.container() + " with " + route.codec() + " " + hint);
    }
    throw new AudioDecodeException(file, UNSUPPORTED_FORMAT, route.container() + " " + hint);
  }

  /**
   * Checks that {@code file} is something {@link #decode} can open: an existing regular file, not a
   * folder and not a named pipe (opening a pipe blocks until someone writes to it). Code that reads
   * an audio file itself before decoding it (the feature cache hashes it) calls this first, so a
   * bad path fails as it would in {@code decode} instead of hanging or with a bare I/O error.
   *
   * @throws AudioDecodeException {@code NOT_FOUND} or {@code NOT_READABLE}, naming the file
   */
  public static void checkReadable(Path file) throws AudioDecodeException {
    Objects.requireNonNull(file, "file");
    if (Files.isDirectory(file)) {
      throw new AudioDecodeException(file, NOT_READABLE, "it is a directory");
    }
    if (!Files.exists(file)) {
      throw new AudioDecodeException(
          file, NOT_FOUND, Files.isSymbolicLink(file) ? "broken symbolic link" : null);
    }
    if (!Files.isRegularFile(file)) {
      throw new AudioDecodeException(file, NOT_READABLE, "not a regular file");
    }
  }

  private static ByteSource open(Path file) throws AudioDecodeException {
    checkReadable(file);
    try {
      return ByteSource.open(file);
    } catch (IOException e) {
      throw AudioDecodeException.readFailure(file, e);
    }
  }

  private static float[] resample(Path file, float[] mono, double rate, int target)
      throws AudioDecodeException {
    if (rate == target) {
      return mono;
    }
    if (!Resampling.supported(rate, target)) {
      throw new AudioDecodeException(
          file,
          UNSUPPORTED_FORMAT,
          "cannot resample "
              + rate
              + " Hz to "
              + target
              + " Hz (ratio beyond "
              + (int) Resampling.MAX_RATIO
              + ")");
    }
    long length = Resampling.outputLength(mono.length, rate, target);
    if (length == 0) {
      // An empty clip would only fail later (in the features), without naming the file.
      throw new AudioDecodeException(
          file,
          NO_SAMPLES,
          mono.length
              + (mono.length == 1 ? " frame" : " frames")
              + " at "
              + hz(rate)
              + " Hz is shorter than one sample at "
              + target
              + " Hz");
    }
    float[] output = Samples.allocate(file, length);
    Resampling.resample(mono, rate, target, output);
    return output;
  }

  /** A rate for messages: "44100", or "22050.5" when it has a fraction. */
  private static String hz(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }

  private static AudioDecodeException internalError(Path file, RuntimeException e) {
    LOG.error("Bug while decoding {}", file, e);
    return new AudioDecodeException(file, INTERNAL_ERROR, e.toString(), e);
  }
}
