package org.tkdworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
  @Test
  void keepsOnlyRunsNoCheaperOrEqualRunBeats() {
    List<ParetoFront.Point> points =
        List.of(
            new ParetoFront.Point("a", 10, 0.50),
            new ParetoFront.Point("b", 20, 0.70),
            new ParetoFront.Point("c", 30, 0.60), // b is cheaper and better
            new ParetoFront.Point("d", 20, 0.65), // b costs the same and is better
            new ParetoFront.Point("e", 5, 0.20),
            new ParetoFront.Point("f", 40, 0.90),
            new ParetoFront.Point("g", Double.NaN, 0.99));
    assertThat(ParetoFront.of(points)).extracting(ParetoFront.Point::id).containsExactly("e", "a", "b", "f");
    assertThat(ParetoFront.of(List.of())).isEmpty();
  }
}
