package org.tkdworkbench.ui.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpectrogramRendererTest {
  private static final float SILENCE = (float) Math.log(1e-6);

  @Test
  void theLoudestBandIsTheBrightestRowWithHighBandsOnTop() {
    float[][] m = new float[10][8];
    for (float[] frame : m) {
      Arrays.fill(frame, SILENCE);
      frame[2] = 0; // 0 dB in band 2
    }
    SpectrogramRaster r = SpectrogramRenderer.render(m, ColorMap.VIRIDIS);
    assertThat(r.width()).isEqualTo(10);
    assertThat(r.height()).isEqualTo(8);
    int row = 8 - 1 - 2;
    assertThat(r.argb()[row * 10 + 4]).isEqualTo(ColorMap.VIRIDIS.entry(255));
    assertThat(r.argb()[0]).isEqualTo(ColorMap.VIRIDIS.entry(0));
    assertThat(r.maxDb()).isCloseTo(0, within(1e-9));
    assertThat(r.minDb()).isCloseTo(-60, within(1e-9)); // clamped at the features' floor
  }

  @Test
  void theScaleSpansEightyDecibelsBelowTheMaximum() {
    // ln power of 20 dB = 2·ln(10); cells at 20, -20 and -60 dB.
    float[][] m = {{(float) (2 * Math.log(10)), (float) (-2 * Math.log(10)), (float) (-6 * Math.log(10))}};
    SpectrogramRaster r = SpectrogramRenderer.render(m, ColorMap.GREY);
    assertThat(r.maxDb()).isCloseTo(20, within(1e-4));
    assertThat(r.minDb()).isCloseTo(-60, within(1e-4));
    // -20 dB is halfway down the 80 dB range.
    assertThat(r.argb()[1] & 0xff).isBetween(126, 129);
  }

  @Test
  void pureSilenceIsDarkNotStretched() {
    float[][] m = new float[4][4];
    for (float[] f : m) {
      Arrays.fill(f, SILENCE);
    }
    SpectrogramRaster r = SpectrogramRenderer.render(m, ColorMap.MAGMA);
    assertThat(r.argb()).containsOnly(ColorMap.MAGMA.entry(0));
  }

  @Test
  void waveformEnvelopeKeepsPeaksAtAnyWidth() {
    float[] s = new float[16000];
    s[8000] = 0.9f;
    s[100] = -0.7f;
    WaveformEnvelope e = WaveformEnvelope.of(s, 16000, 4096);
    assertThat(e.durationSeconds()).isEqualTo(1.0);
    float maxSeen = 0;
    float minSeen = 0;
    for (int x = 0; x < 37; x++) {
      float[] c = e.column(x, 37);
      maxSeen = Math.max(maxSeen, c[1]);
      minSeen = Math.min(minSeen, c[0]);
    }
    assertThat(maxSeen).isEqualTo(0.9f);
    assertThat(minSeen).isEqualTo(-0.7f);
    assertThat(WaveformEnvelope.of(new float[3], 16000, 4096).size()).isEqualTo(3);
  }
}
