package org.tkdworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
  private static ResultsTable.Cell c(String student, double lambda, long seed, double test) {
    return new ResultsTable.Cell("noisy4", "teacher", student, lambda, seed, test);
  }

  @Test
  void meansStdsBestAndPairedDifferencesByHand() {
    List<ResultsTable.Cell> cells =
        List.of(
            c("lstm-p", 0, 1, 0.50), c("lstm-p", 0, 2, 0.60), c("lstm-p", 0, 3, 0.70),
            c("lstm-p", 0.25, 1, 0.55), c("lstm-p", 0.25, 2, 0.60), c("lstm-p", 0.25, 3, 0.80),
            c("crnn", 0, 1, 0.90), c("crnn", 0.25, 1, 0.80),
            // another target: its own table
            new ResultsTable.Cell("noisy4", "energy", "lstm-p", 0.25, 1, 0.65));
    List<ResultsTable.Table> tables = ResultsTable.pivot(cells);
    assertThat(tables).hasSize(2);
    assertThat(tables.get(1).paired().get("lstm-p").get(0.25).meanDiff()).as("energy 0.65 vs seed 1's 0.50")
        .isCloseTo(0.15, within(1e-12));
    ResultsTable.Table t = tables.get(0);
    assertThat(t.target()).isEqualTo("teacher");
    assertThat(t.students()).containsExactly("lstm-p", "crnn");
    assertThat(t.lambdas()).containsExactly(0.0, 0.25);
    // λ = 0: mean 0.6, sample std sqrt(((−.1)² + 0 + .1²)/2) = 0.1
    ResultsTable.Stats s0 = t.stats().get("lstm-p").get(0.0);
    assertThat(s0.mean()).isCloseTo(0.6, within(1e-12));
    assertThat(s0.std()).isCloseTo(0.1, within(1e-12));
    // λ = 0.25: mean 0.65; diffs .05, 0, .10 → mean .05, std .05, 2 wins 1 tie 0 losses
    assertThat(t.stats().get("lstm-p").get(0.25).mean()).isCloseTo(0.65, within(1e-12));
    ResultsTable.Paired p = t.paired().get("lstm-p").get(0.25);
    assertThat(p.meanDiff()).isCloseTo(0.05, within(1e-12));
    assertThat(p.stdDiff()).isCloseTo(0.05, within(1e-12));
    assertThat(List.of(p.wins(), p.ties(), p.losses())).containsExactly(2, 1, 0);
    assertThat(t.bestLambda()).containsEntry("lstm-p", 0.25).containsEntry("crnn", 0.0);
    assertThat(t.paired().get("crnn").get(0.25).losses()).isEqualTo(1);

    String md = ResultsTable.markdown(tables, "accuracy");
    assertThat(md)
        .contains("| student | λ = 0 | λ = 0.25 |")
        // 0.55, 0.60, 0.80: deviations −.10, −.05, +.15 → sqrt(.035 / 2) = 0.1323
        .contains("| lstm-p | 60.00 ± 10.00 | **65.00 ± 13.23** |")
        .contains("| crnn | **90.00** | 80.00 |")
        .contains("| lstm-p | +5.00 (2/1/0) |")
        .contains("| crnn | -10.00 (0/0/1) |")
        .contains("target energy")
        // the λ = 0 runs are every target's baseline: energy's table pairs against them too
        .contains("| lstm-p | 60.00 ± 10.00 | **65.00** |");
    String csv = ResultsTable.csv(tables);
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("dataset,target,student,lambda,seeds,mean,std");
    assertThat(csv).contains("noisy4,teacher,lstm-p,0.25,3,0.65");
    assertThat(csv).contains(",true,3,0.05");
  }
}
