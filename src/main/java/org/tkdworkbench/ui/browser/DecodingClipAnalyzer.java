package org.tkdworkbench.ui.browser;

import org.tkdworkbench.audio.AudioClip;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.ui.plot.WaveformEnvelope;

/**
 * The browser's analyzer: decodes the clip at the display spec's rate (for the waveform and
 * playback) and takes its log-mel spectrogram from the workspace's {@link FeatureCache} (computed
 * and stored on the first visit). Decoding comes first so that a broken file is reported by the
 * decoder, with its reason, before the cache hashes it.
 *
 * <p>The display uses more mel bands and a longer FFT than the training front end ({@link
 * #DISPLAY_SPEC}: 128 mels, n_fft 1024, same 10 ms hop): 40 bands are right for a small student
 * but look like a mosaic on screen.
 */
public final class DecodingClipAnalyzer implements ClipAnalyzer {
  /** 16 kHz, n_fft 1024, window 1024, hop 160 (10 ms), 128 Slaney mel bands, 0 Hz to Nyquist. */
  public static final FeatureSpec DISPLAY_SPEC =
      new FeatureSpec(16000, 1024, 1024, 160, 128, 0.0, null);

  private final AudioDecoder decoder;
  private final FeatureSpec spec;
  private final FeatureCache cache;

  public DecodingClipAnalyzer(AudioDecoder decoder, FeatureCache cache, FeatureSpec spec) {
    this.decoder = decoder;
    this.cache = cache;
    this.spec = spec.requireValid();
  }

  @Override
  public ClipAnalysis analyze(Clip clip, JobContext ctx) throws Exception {
    ctx.progress(0, 2, "decoding " + clip.id());
    AudioClip audio = decoder.decode(clip.path(), spec.sampleRate());
    ctx.checkCancelled();
    ctx.progress(1, 2, "spectrogram of " + clip.id());
    float[] samples = audio.samples();
    float[][] logMel = cache.get(clip.path(), spec, decoder);
    ctx.checkCancelled();
    WaveformEnvelope envelope =
        WaveformEnvelope.of(samples, spec.sampleRate(), WaveformEnvelope.DEFAULT_BUCKETS);
    ctx.progress(2, 2, clip.id());
    return new ClipAnalysis(clip, samples, logMel, spec, envelope);
  }

  /** Human description of the display settings, for a tooltip. */
  public static String describe(FeatureSpec s) {
    return String.format(
        "Log-mel power: %d Slaney mel bands %.0f Hz–%.0f Hz, n_fft %d, window %d, hop %d (%.0f ms)"
            + " at %d Hz.%nColour: the clip's loudest cell down to 80 dB below it.",
        s.nMels(),
        s.fmin(),
        s.effectiveFmax(),
        s.nFft(),
        s.winLength(),
        s.hopLength(),
        1000.0 * s.hopLength() / s.sampleRate(),
        s.sampleRate());
  }
}
