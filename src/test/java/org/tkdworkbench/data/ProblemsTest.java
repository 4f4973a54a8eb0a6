package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Warning sentences do not depend on the order a directory listing happened to return. */
class ProblemsTest {
  @Test
  void theExampleIsTheSmallestNameWhateverTheOrderSeen() {
    Problems one = new Problems();
    one.add("stray files (ignored)", "z.txt");
    one.add("stray files (ignored)", "a.txt");
    one.add("stray files (ignored)", "m.txt");
    Problems other = new Problems();
    other.add("stray files (ignored)", "m.txt");
    other.add("stray files (ignored)", "a.txt");
    other.add("stray files (ignored)", "z.txt");
    assertThat(one.sentences()).containsExactly("3 stray files (ignored), e.g. a.txt");
    assertThat(other.sentences()).isEqualTo(one.sentences());
  }
}
