package org.tkdworkbench.ui.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.features.MelScale;

class AxisTicksTest {
  /** Slaney's mel scale written out independently (librosa htk=False): linear below 1 kHz. */
  static final DoubleUnaryOperator SLANEY =
      hz -> hz < 1000 ? hz / (200.0 / 3) : 15 + Math.log(hz / 1000) / (Math.log(6.4) / 27);

  static double slaneyToHz(double mel) {
    return mel < 15 ? mel * 200.0 / 3 : 1000 * Math.exp((mel - 15) * Math.log(6.4) / 27);
  }

  @Test
  void aOneKilohertzTickSitsOnTheMelRowsThatHoldOneKilohertz() {
    int nMels = 128;
    MelAxis axis = new MelAxis(nMels, 0, 8000, SLANEY);
    Tick k1 = axis.ticks(512, 14).stream().filter(t -> t.value() == 1000).findFirst().orElseThrow();
    assertThat(k1.label()).isEqualTo("1k");

    // Hand-worked: mel(1000) = 15, mel(8000) = 45.2454, Δ = 45.2454 / 129; row = 15/Δ - 1.
    double delta = SLANEY.applyAsDouble(8000) / (nMels + 1);
    double row = 15 / delta - 1;
    assertThat(k1.fraction()).isCloseTo((row + 0.5) / nMels, within(1e-9));
    assertThat(k1.fraction()).isCloseTo(0.3302, within(1e-4));

    // And that row lies between the two band centres (in Hz) that bracket 1 kHz.
    int below = (int) Math.floor(row);
    assertThat(slaneyToHz((below + 1) * delta)).isLessThanOrEqualTo(1000);
    assertThat(slaneyToHz((below + 2) * delta)).isGreaterThan(1000);
  }

  @Test
  void withTheFeaturesMelScaleTheTickSitsBetweenTheFilterbankCentresAroundIt() {
    int nMels = 128;
    MelAxis axis = new MelAxis(nMels, 0, 8000, MelScale::hzToMel);
    double[] edges = MelScale.melFrequencies(nMels + 2, 0, 8000); // band i peaks at edges[i + 1]
    for (Tick t : axis.ticks(512, 14)) {
      if (t.fraction() <= 0 || t.fraction() >= 1) {
        continue; // clamped to the image edge
      }
      double row = t.fraction() * nMels - 0.5; // fractional band index at the tick
      int below = (int) Math.floor(row);
      double lo = edges[below + 1];
      double hi = edges[below + 2];
      assertThat(t.value()).as(t.label()).isBetween(lo, hi);
      // Linear in mel between the two centres.
      double expected =
          (MelScale.hzToMel(t.value()) - MelScale.hzToMel(lo))
              / (MelScale.hzToMel(hi) - MelScale.hzToMel(lo));
      assertThat(row - below).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void frequencyTicksAreMelSpacedRoundNumbersWithinRange() {
    MelAxis axis = new MelAxis(40, 0, 8000, SLANEY);
    List<Tick> ticks = axis.ticks(400, 14);
    assertThat(ticks).extracting(Tick::label).contains("0", "500", "1k", "2k", "4k", "8k");
    assertThat(ticks).extracting(Tick::fraction).isSorted();
    assertThat(ticks.get(0).fraction()).isZero();
    assertThat(ticks.get(ticks.size() - 1).fraction()).isEqualTo(1.0);
    // Below 1 kHz Slaney is linear in Hz: 500..1000 spans twice the rows of 250..500.
    double f250 = axis.fraction(250);
    double f500 = axis.fraction(500);
    assertThat(axis.fraction(1000) - f500).isCloseTo(2 * (f500 - f250), within(1e-9));
    assertThat(new MelAxis(40, 0, 4000, SLANEY).ticks(400, 14))
        .extracting(Tick::value)
        .allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(4000));
  }

  @Test
  void crowdedFrequencyTicksAreDropped() {
    List<Tick> ticks = new MelAxis(40, 0, 8000, SLANEY).ticks(80, 14);
    for (int i = 1; i < ticks.size(); i++) {
      assertThat((ticks.get(i).fraction() - ticks.get(i - 1).fraction()) * 80)
          .isGreaterThanOrEqualTo(14);
    }
  }

  @Test
  void timeTicksUseOneTwoFiveStepsAndNeverCrowd() {
    List<Tick> ticks = TimeAxis.ticks(1.0, 800, 60);
    assertThat(ticks).extracting(Tick::label).containsExactly("0.0", "0.1", "0.2", "0.3", "0.4",
        "0.5", "0.6", "0.7", "0.8", "0.9", "1.0");
    assertThat(ticks.get(5).fraction()).isCloseTo(0.5, within(1e-12));
    assertThat(TimeAxis.ticks(8.0, 800, 60)).extracting(Tick::label)
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
    assertThat(TimeAxis.ticks(2.5, 300, 60)).extracting(Tick::label)
        .containsExactly("0.0", "0.5", "1.0", "1.5", "2.0", "2.5");
    assertThat(TimeAxis.ticks(0, 300, 60)).isEmpty();
    assertThat(TimeAxis.niceStep(0.13)).isEqualTo(0.2);
    assertThat(TimeAxis.niceStep(3)).isEqualTo(5);
  }
}
