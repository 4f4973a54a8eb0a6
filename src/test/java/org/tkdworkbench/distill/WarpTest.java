package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The time stretch and mel warp against values worked by hand on a ramp. */
class WarpTest {
  /** value = 10·frame + bin: linear in both axes, so interpolation is exact. */
  private static float[][] ramp(int frames, int mels) {
    float[][] c = new float[frames][mels];
    for (int f = 0; f < frames; f++) {
      for (int m = 0; m < mels; m++) {
        c[f][m] = 10 * f + m;
      }
    }
    return c;
  }

  @Test
  void factorsOfOneGiveTheClipBack() {
    float[][] in = ramp(6, 4);
    assertThat(Warp.warped(in, 1.0, 1.0)).isDeepEqualTo(in);
    assertThat(Warp.warped(in, 0.0, new Random(1))).as("amount 0").isDeepEqualTo(in);
  }

  @Test
  void aSlowerRateAndAWiderScaleInterpolateBetweenNeighbours() {
    float[][] in = ramp(6, 4);
    float[][] out = Warp.warped(in, 0.5, 0.5); // frame f reads 0.5·f, bin m reads 0.5·m
    // frame 3 → 1.5, bin 3 → 1.5: 10·1.5 + 1.5
    assertThat(out[3][3]).isCloseTo(16.5f, within(1e-5f));
    assertThat(out[1][2]).isCloseTo(10 * 0.5f + 1, within(1e-5f));
    assertThat(out[0][0]).isEqualTo(0f);
  }

  @Test
  void aFasterRateWrapsInTimeAndAnUpwardWarpHoldsTheTopBin() {
    float[][] in = ramp(6, 4);
    float[][] out = Warp.warped(in, 1.5, 2.0);
    // frame 4 reads 6.0 → frame 0 (circular); bin 1 reads 2, bin 2 reads 4 → held at 3
    assertThat(out[4][1]).isCloseTo(0 + 2, within(1e-5f));
    assertThat(out[4][2]).isCloseTo(0 + 3, within(1e-5f));
    assertThat(out[4][3]).isCloseTo(0 + 3, within(1e-5f));
    // frame 3 reads 4.5: halfway between frames 4 and 5
    assertThat(out[3][0]).isCloseTo(45f, within(1e-5f));
    // frame 5 reads 7.5: halfway between frames 1 and 2 (wrapped)
    assertThat(out[5][0]).isCloseTo(15f, within(1e-5f));
    assertThat(in).as("the input is not written").isDeepEqualTo(ramp(6, 4));
  }

  @Test
  void randomFactorsStayWithinTheAmount() {
    float[][] in = ramp(100, 40);
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      float[][] out = Warp.warped(in, 0.1, random);
      // On the ramp, frame 10 bin 0 reads 10·(10·rate): rate in [0.9, 1.1] → 90..110
      assertThat(out[10][0]).isBetween(90f - 1e-3f, 110f + 1e-3f);
      // and frame 0 bin 20 reads 20·scale: 18..22
      assertThat(out[0][20]).isBetween(18f - 1e-3f, 22f + 1e-3f);
    }
    assertThat(Warp.warped(new float[0][], 0.1, random)).isEmpty();
  }
}
