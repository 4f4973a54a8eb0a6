package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SpecAugment's masks, checked cell by cell on a clip whose every value is distinct. */
class SpecAugmentTest {
  private static final float FILL = -1f;

  private static float[][] clip(int frames, int mels) {
    float[][] c = new float[frames][mels];
    for (int f = 0; f < frames; f++) {
      for (int m = 0; m < mels; m++) {
        c[f][m] = f * 1000 + m; // distinct, never the fill
      }
    }
    return c;
  }

  @Test
  void masksWholeBandsAndWholeSpansWithTheFillAndLeavesTheRestAndTheInput() {
    float[][] in = clip(400, 40);
    float[][] before = clip(400, 40);
    Random random = new Random(7);
    long bandCells = 0;
    long spanRows = 0;
    int draws = 2000;
    for (int d = 0; d < draws; d++) {
      float[][] out = SpecAugment.masked(in, 1, FILL, random);
      assertThat(in).as("the stored features are not written").isDeepEqualTo(before);
      int fullColumns = 0;
      for (int m = 0; m < 40; m++) {
        boolean full = true;
        for (float[] row : out) {
          full &= row[m] == FILL;
        }
        fullColumns += full ? 1 : 0;
      }
      int fullRows = 0;
      for (int f = 0; f < 400; f++) {
        boolean full = true;
        for (int m = 0; m < 40; m++) {
          full &= out[f][m] == FILL;
          // every cell is either its own value or the fill, and the fill only inside a full band or span
          assertThat(out[f][m] == in[f][m] || out[f][m] == FILL).isTrue();
        }
        fullRows += full ? 1 : 0;
      }
      for (int f = 0; f < 400; f++) {
        for (int m = 0; m < 40; m++) {
          if (out[f][m] == FILL) {
            boolean inRow = true;
            boolean inColumn = true;
            for (int k = 0; k < 40; k++) {
              inRow &= out[f][k] == FILL;
            }
            for (int k = 0; k < 400; k++) {
              inColumn &= out[k][m] == FILL;
            }
            assertThat(inRow || inColumn).as("masked cell %d,%d is in a whole band or span", f, m).isTrue();
          }
        }
      }
      // One mask per axis: a full column is the band (a span covers at most 20 of 400 rows), a
      // full row the span (a band covers at most 8 of 40 columns).
      assertThat(fullColumns).isLessThanOrEqualTo(8);
      assertThat(fullRows).isLessThanOrEqualTo(20);
      bandCells += fullColumns;
      spanRows += fullRows;
    }
    // widths uniform in 0..8 and 0..20: means 4 and 10
    assertThat(spanRows / (double) draws).isBetween(9.5, 10.5);
    assertThat(bandCells / (double) draws).isBetween(3.7, 4.3);
  }

  @Test
  void noMasksIsAPlainCopyAndTheSameSeedTheSameMasks() {
    float[][] in = clip(50, 10);
    float[][] copy = SpecAugment.masked(in, 0, FILL, new Random(1));
    assertThat(copy).isDeepEqualTo(in).isNotSameAs(in);
    assertThat(SpecAugment.masked(in, 2, FILL, new Random(3))).isDeepEqualTo(SpecAugment.masked(in, 2, FILL, new Random(3)));
    assertThat(SpecAugment.maxBand(3)).as("at least one bin").isEqualTo(1);
    assertThat(SpecAugment.masked(new float[0][], 2, FILL, new Random(1))).isEmpty();
  }
}
