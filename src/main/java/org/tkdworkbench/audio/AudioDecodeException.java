package org.tkdworkbench.audio;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file that could not be decoded, with a reason a user understands.
 *
 * <p>The message always starts with the file name, so a list of refused files reads well.
 */
public final class AudioDecodeException extends Exception {
  /** Why a file was refused. */
  public enum Reason {
    NOT_FOUND("file not found"),
    NOT_READABLE("file cannot be read"),
    EMPTY("file is empty (0 bytes)"),
    NOT_AUDIO("not an audio file"),
    UNSUPPORTED_FORMAT("unsupported format"),
    UNSUPPORTED_ENCODING("unsupported sample encoding"),
    TRUNCATED("file is truncated"),
    ZERO_CHANNELS("header declares zero channels"),
    NO_SAMPLES("file holds no audio samples"),
    BAD_HEADER("header is invalid"),
    DECODER_FAILED("external decoder failed"),
    /** A bug in our own code, not a property of the file; the log holds the stack trace. */
    INTERNAL_ERROR("could not be decoded (internal error)"),
    /** The samples would not fit in one Java array (about 2^31 samples) or in the heap. */
    TOO_LONG("audio is too long to decode into memory"),
    /** A float file holds NaN or infinite samples, which would poison features silently. */
    INVALID_SAMPLES("file holds invalid samples (NaN or infinity)");

    private final String summary;

    Reason(String summary) {
      this.summary = summary;
    }

    /** A short phrase for reports, e.g. "file is truncated". */
    public String summary() {
      return summary;
    }
  }

  private final Path file;
  private final Reason reason;

  public AudioDecodeException(Path file, Reason reason, String detail) {
    this(file, reason, detail, null);
  }

  public AudioDecodeException(Path file, Reason reason, String detail, Throwable cause) {
    super(
        (file == null ? "<input>" : file.toString())
            + ": "
            + reason.summary()
            + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"),
        cause);
    this.file = file;
    this.reason = reason;
  }

  /**
   * The exception for an I/O error while reading {@code file}: {@code NOT_FOUND} when it has
   * vanished, otherwise {@code NOT_READABLE} with the system's reason (e.g. "permission denied").
   */
  public static AudioDecodeException readFailure(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new AudioDecodeException(file, Reason.NOT_FOUND, null, e);
    }
    if (e instanceof AccessDeniedException) {
      return new AudioDecodeException(file, Reason.NOT_READABLE, "permission denied", e);
    }
    // A FileSystemException's message repeats the path, which ours already starts with.
    String detail =
        e instanceof FileSystemException fs && fs.getReason() != null
            ? fs.getReason()
            : e.getMessage();
    return new AudioDecodeException(file, Reason.NOT_READABLE, detail, e);
  }

  public Path file() {
    return file;
  }

  public Reason reason() {
    return reason;
  }
}
