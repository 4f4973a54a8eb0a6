package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.Numbers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the summary words durations and numbers. */
class ReportFactsTest {
  @Test
  void durationsReadLikeAPersonWouldSayThem() {
    assertThat(ReportFacts.hms(4.0)).isEqualTo("4.0 s");
    assertThat(ReportFacts.hms(59.94)).isEqualTo("59.9 s");
    assertThat(ReportFacts.hms(1328.0)).isEqualTo("22 min 8 s");
    assertThat(ReportFacts.hms(3780.0)).isEqualTo("1 h 03 min");
  }

  @Test
  void numbersAreParsedStrictlyAndPrintedAsTyped() {
    assertThat(Numbers.parseDouble("-6")).isEqualTo(-6.0);
    assertThat(Numbers.parseDouble(" 2.5 ")).isEqualTo(2.5);
    assertThat(Numbers.parseDouble("NaN")).isNull();
    assertThat(Numbers.parseDouble("Infinity")).isNull();
    assertThat(Numbers.parseDouble("4d")).isNull();
    assertThat(Numbers.parseDouble("")).isNull();
    assertThat(Numbers.parseInt("16k")).isNull();
    assertThat(Numbers.format(4.0)).isEqualTo("4");
    assertThat(Numbers.format(2.5)).isEqualTo("2.5");
  }
}
