package org.tkdworkbench.audio;

/**
 * A validated description of uncompressed sample data: where it is in the file, how each sample is
 * stored, and how many whole frames the file really holds.
 *
 * @param container "WAVE", "AIFF" or "AIFF-C"
 * @param coding how one sample is stored
 * @param bytesPerSample the sample's container size in bytes (1..4 for integers, 4 or 8 for
 *     floats); samples narrower than their container are left-justified in both WAV and AIFF, so
 *     reading the whole container and scaling by its full range is exact
 * @param validBits the bits the header says are meaningful (e.g. 20 in a 24-bit container)
 * @param bigEndian byte order of multi-byte samples
 * @param channels interleaved channels per frame, at least 1
 * @param sampleRate frames per second, positive and finite
 * @param dataOffset file offset of the first sample frame
 * @param frames whole frames present in the file (a trailing partial frame is not counted)
 */
record PcmHeader(
    String container,
    SampleCoding coding,
    int bytesPerSample,
    int validBits,
    boolean bigEndian,
    int channels,
    double sampleRate,
    long dataOffset,
    long frames)
    implements Header {

  /** How one sample is stored. */
  enum SampleCoding {
    /** Offset binary: 8-bit WAV, AIFF-C 'raw '. */
    UNSIGNED_INT("PCM_UNSIGNED"),
    /** Two's complement integer. */
    SIGNED_INT("PCM_SIGNED"),
    /** IEEE 754 float, 32 or 64 bits. */
    FLOAT("PCM_FLOAT"),
    /** G.711 mu-law. */
    ULAW("ULAW"),
    /** G.711 A-law. */
    ALAW("ALAW");

    private final String javaSoundName;

    SampleCoding(String javaSoundName) {
      this.javaSoundName = javaSoundName;
    }

    /** The name Java Sound's {@code AudioFormat.Encoding} uses, for {@link SourceFormat}. */
    String javaSoundName() {
      return javaSoundName;
    }
  }

  PcmHeader withFrames(long wholeFrames) {
    return new PcmHeader(
        container,
        coding,
        bytesPerSample,
        validBits,
        bigEndian,
        channels,
        sampleRate,
        dataOffset,
        wholeFrames);
  }

  int bytesPerFrame() {
    return bytesPerSample * channels;
  }

  SourceFormat toSourceFormat() {
    return new SourceFormat(
        container, coding.javaSoundName(), (float) sampleRate, channels, validBits, frames);
  }
}
