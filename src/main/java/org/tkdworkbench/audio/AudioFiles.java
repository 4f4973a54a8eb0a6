package org.tkdworkbench.audio;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which file names are audio: the one list of extensions the workbench uses, both where it picks
 * files by name (dataset indexing, benchmarks) and where the decoder falls back on the name because
 * a file's first bytes do not say what it is. A name only nominates a file; the decoder still reads
 * its bytes and refuses it with a reason if it is not audio after all.
 */
public final class AudioFiles {
  /** Extensions (lower case) of the formats read in Java: WAV and AIFF. */
  static final Set<String> NATIVE_EXTENSIONS = Set.of("wav", "wave", "aif", "aiff", "aifc");

  /**
   * Extensions of formats ffmpeg decodes. Some have no reliable magic number (raw MP3, AAC), so for
   * those the name is all the decoder has to go on.
   */
  static final Set<String> FFMPEG_EXTENSIONS =
      Set.of(
          "mp3", "mp2", "aac", "adts", "ac3", "eac3", "dts", "amr", "gsm", "m4a", "opus", "ogg",
          "oga", "flac", "wma", "mka", "webm", "ape", "wv", "caf", "au", "snd", "mp4", "3gp");

  /** Every extension (lower case) taken as audio: the WAV/AIFF ones and the ffmpeg ones. */
  public static final Set<String> EXTENSIONS = union(NATIVE_EXTENSIONS, FFMPEG_EXTENSIONS);

  private AudioFiles() {}

  /**
   * Whether {@code fileName} ends in one of {@link #EXTENSIONS}, case-insensitively. A name that is
   * only an extension (".wav", a hidden file) is not audio.
   */
  public static boolean isAudioFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
