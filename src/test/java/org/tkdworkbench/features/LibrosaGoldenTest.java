package org.tkdworkbench.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extractor against librosa's output, via the golden files of {@code
 * src/test/python/librosa_reference.py} (a line-by-line port of librosa's melspectrogram, checked
 * there against librosa's published filterbank values).
 *
 * <p>Acceptance: within 1e-3 on the log scale wherever librosa's mel power exceeds 1e-4. Below that
 * the log magnifies float32 rounding of either side, so there the powers themselves must agree to
 * 1e-6 absolute (i.e. nothing appears that librosa does not have).
 */
class LibrosaGoldenTest {
  private static final double LOG_TOLERANCE = 1e-3;
  private static final double POWER_THRESHOLD = 1e-4;
  private static double worstLogError;

  static List<Golden.Case> cases() {
    return Golden.cases();
  }

  static List<Golden.Bank> banks() {
    return Golden.banks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logMelMatchesLibrosa(Golden.Case c) {
    float[][] actual = new LogMelExtractor(c.spec()).compute(c.input());

    assertThat(actual.length).as("frames").isEqualTo(c.expected().length);
    double maxLogErr = 0;
    double maxLowPowerErr = 0;
    int compared = 0;
    for (int t = 0; t < actual.length; t++) {
      assertThat(actual[t]).hasSize(c.spec().nMels());
      for (int m = 0; m < actual[t].length; m++) {
        double expected = c.expected()[t][m];
        double power = Math.exp(expected) - FeatureSpec.LOG_FLOOR;
        if (power > POWER_THRESHOLD) {
          maxLogErr = Math.max(maxLogErr, Math.abs(actual[t][m] - expected));
          compared++;
        } else {
          double actualPower = Math.exp(actual[t][m]) - FeatureSpec.LOG_FLOOR;
          maxLowPowerErr = Math.max(maxLowPowerErr, Math.abs(actualPower - power));
        }
      }
    }
    synchronized (LibrosaGoldenTest.class) {
      worstLogError = Math.max(worstLogError, maxLogErr);
    }
    System.out.printf(
        "librosa golden %-22s %4d cells compared, max |log err| %.3e, low-power max |err| %.3e%n",
        c.name(), compared, maxLogErr, maxLowPowerErr);
    assertThat(compared).as("cells above the power threshold").isPositive();
    assertThat(maxLogErr).as("max log error where mel power > 1e-4").isLessThan(LOG_TOLERANCE);
    assertThat(maxLowPowerErr).as("max power error where mel power <= 1e-4").isLessThan(1e-6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("banks")
  void filterbankMatchesLibrosa(Golden.Bank b) {
    double fmax = b.fmax() == null ? b.sampleRate() / 2.0 : b.fmax();
    float[][] actual = MelFilterbank.slaney(b.sampleRate(), b.nFft(), b.nMels(), b.fmin(), fmax);

    assertThat(actual.length).isEqualTo(b.w().length);
    for (int m = 0; m < actual.length; m++) {
      assertThat(actual[m]).hasSize(b.w()[m].length);
      for (int k = 0; k < actual[m].length; k++) {
        float want = b.w()[m][k];
        // Same float32 rounding as librosa: equal, or one float ulp apart where Java's and the C
        // library's exp/log differ in the last double bit.
        assertThat(Math.abs(actual[m][k] - want))
            .as("band %d bin %d", m, k)
            .isLessThanOrEqualTo(Math.ulp(want));
      }
    }
  }

  @Test
  void everyGoldenCaseIsPresent() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(banks()).hasSize(3);
  }

  @AfterAll
  static void report() {
    System.out.printf("librosa golden: worst |log err| over all cases %.3e%n", worstLogError);
  }
}
