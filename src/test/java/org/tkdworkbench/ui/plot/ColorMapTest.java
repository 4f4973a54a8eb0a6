package org.tkdworkbench.ui.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ColorMapTest {
  /** matplotlib's published first and last entries (float RGB), e.g. _viridis_data[0] and [-1]. */
  private static void assertEntry(ColorMap map, int i, double r, double g, double b) {
    int c = map.entry(i);
    assertThat((c >>> 24) & 0xff).as("opaque").isEqualTo(255);
    assertThat(((c >> 16) & 0xff) / 255.0).isCloseTo(r, Offset.offset(0.5 / 255));
    assertThat(((c >> 8) & 0xff) / 255.0).isCloseTo(g, Offset.offset(0.5 / 255));
    assertThat((c & 0xff) / 255.0).isCloseTo(b, Offset.offset(0.5 / 255));
  }

  @Test
  void viridisEndpointsMatchMatplotlib() {
    assertThat(ColorMap.VIRIDIS.size()).isEqualTo(256);
    assertEntry(ColorMap.VIRIDIS, 0, 0.267004, 0.004874, 0.329415);
    assertEntry(ColorMap.VIRIDIS, 128, 0.127568, 0.566949, 0.550556);
    assertEntry(ColorMap.VIRIDIS, 255, 0.993248, 0.906157, 0.143936);
    assertThat(ColorMap.VIRIDIS.entry(0) & 0xFFFFFF).isEqualTo(0x440154);
    assertThat(ColorMap.VIRIDIS.entry(255) & 0xFFFFFF).isEqualTo(0xFDE725);
  }

  @Test
  void magmaEndpointsMatchMatplotlib() {
    assertThat(ColorMap.MAGMA.size()).isEqualTo(256);
    assertEntry(ColorMap.MAGMA, 0, 0.001462, 0.000466, 0.013866);
    assertEntry(ColorMap.MAGMA, 255, 0.987053, 0.991438, 0.749504);
  }

  @Test
  void greyIsARampAndEveryMapGetsBrighterUpwards() {
    assertThat(ColorMap.GREY.argb(0)).isEqualTo(0xFF000000);
    assertThat(ColorMap.GREY.argb(1)).isEqualTo(0xFFFFFFFF);
    for (ColorMap map : ColorMap.values()) {
      double previous = -1;
      for (int i = 0; i < map.size(); i += 15) {
        double luma = luma(map.entry(i));
        assertThat(luma).as("%s[%d]", map, i).isGreaterThan(previous);
        previous = luma;
      }
    }
  }

  @Test
  void valuesOutsideTheRangeAreClamped() {
    assertThat(ColorMap.MAGMA.argb(-3)).isEqualTo(ColorMap.MAGMA.entry(0));
    assertThat(ColorMap.MAGMA.argb(Double.NaN)).isEqualTo(ColorMap.MAGMA.entry(0));
    assertThat(ColorMap.MAGMA.argb(7)).isEqualTo(ColorMap.MAGMA.entry(255));
    assertThat(ColorMap.MAGMA.argb(0.5)).isEqualTo(ColorMap.MAGMA.entry(128));
  }

  static double luma(int argb) {
    return 0.2126 * ((argb >> 16) & 0xff) + 0.7152 * ((argb >> 8) & 0xff) + 0.0722 * (argb & 0xff);
  }
}
