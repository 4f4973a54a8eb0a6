package org.tkdworkbench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Validation says which field is wrong and what was found; JSON uses librosa's names. */
class FeatureSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void defaultsAreDesignSectionFourAndValid() {
    FeatureSpec d = FeatureSpec.defaults();
    assertThat(d.sampleRate()).isEqualTo(16000);
    assertThat(d.nFft()).isEqualTo(512);
    assertThat(d.winLength()).isEqualTo(400);
    assertThat(d.hopLength()).isEqualTo(160);
    assertThat(d.nMels()).isEqualTo(40);
    assertThat(d.fmin()).isZero();
    assertThat(d.effectiveFmax()).isEqualTo(8000.0);
    assertThat(d.validate()).isEmpty();
    assertThat(d.frameCount(16000)).isEqualTo(101);
  }

  @Test
  void hopLongerThanFftIsReportedWithFieldAndValue() {
    FeatureSpec s = new FeatureSpec(16000, 512, 400, 2048, 40, 0.0, null);
    assertThat(s.validate())
        .containsExactly("features.hop_length: must be in 1..n_fft (512), found 2048");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    FeatureSpec s = new FeatureSpec(100, 500, 600, 0, 0, -5.0, 1e6);
    assertThat(s.validate())
        .hasSize(7)
        .anySatisfy(p -> assertThat(p).startsWith("features.sample_rate:").endsWith("found 100"))
        .anySatisfy(p -> assertThat(p).startsWith("features.n_fft:").endsWith("found 500"))
        .anySatisfy(p -> assertThat(p).startsWith("features.win_length:").endsWith("found 600"))
        .anySatisfy(p -> assertThat(p).startsWith("features.hop_length:").endsWith("found 0"))
        .anySatisfy(p -> assertThat(p).startsWith("features.n_mels:").endsWith("found 0"))
        .anySatisfy(p -> assertThat(p).startsWith("features.fmin:").endsWith("found -5"))
        .anySatisfy(p -> assertThat(p).startsWith("features.fmax:").endsWith("found 1000000"));
    assertThatThrownBy(s::requireValid)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "features.n_fft: must be a power of two (the FFT needs it), found 500");
  }

  @Test
  void nonFiniteFrequenciesAreRefused() {
    assertThat(new FeatureSpec(16000, 512, 400, 160, 40, Double.NaN, null).validate())
        .singleElement()
        .asString()
        .startsWith("features.fmin:")
        .endsWith("found NaN");
    assertThat(new FeatureSpec(16000, 512, 400, 160, 40, 0.0, Double.POSITIVE_INFINITY).validate())
        .singleElement()
        .asString()
        .startsWith("features.fmax:")
        .endsWith("found Infinity");
    assertThat(new FeatureSpec(16000, 512, 400, 160, 40, 4000.0, 3000.0).validate())
        .containsExactly(
            "features.fmax: must be above fmin (4000) and at most sample_rate/2 (8000), found"
                + " 3000");
  }

  @Test
  void jsonUsesLibrosaNamesAndRoundTrips() throws Exception {
    FeatureSpec s = new FeatureSpec(22050, 1024, 1024, 256, 64, 50.0, 8000.0);
    String json = JSON.writeValueAsString(s);
    assertThat(json)
        .contains("\"sample_rate\":22050", "\"n_fft\":1024", "\"win_length\":1024")
        .contains("\"hop_length\":256", "\"n_mels\":64", "\"fmin\":50.0", "\"fmax\":8000.0")
        .doesNotContain("effective");
    assertThat(JSON.readValue(json, FeatureSpec.class)).isEqualTo(s);

    FeatureSpec nyquist =
        JSON.readValue(
            "{\"sample_rate\":16000,\"n_fft\":512,\"win_length\":400,\"hop_length\":160,"
                + "\"n_mels\":40,\"fmin\":0,\"fmax\":null}",
            FeatureSpec.class);
    assertThat(nyquist).isEqualTo(FeatureSpec.defaults());
  }

  @Test
  void frameCountRefusesNegativeLengths() {
    assertThat(FeatureSpec.defaults().frameCount(0)).isEqualTo(1);
    assertThatThrownBy(() -> FeatureSpec.defaults().frameCount(-1))
        .hasMessage("samples: must be at least 0, found -1");
  }
}
