package org.tkdworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void appOptionsAloneOpenTheApp() {
    assertThat(Main.isAppOnly(new String[] {})).isTrue();
    assertThat(Main.isAppOnly(new String[] {"--workspace", "/w"})).isTrue();
    assertThat(Main.isAppOnly(new String[] {"--dataset=/d", "--workspace", "/w"})).isTrue();
    assertThat(Main.isAppOnly(new String[] {"--dataset", "/d", "--pulse-log", "/p.txt"})).isTrue();
  }

  @Test
  void anythingElseGoesToTheCli() {
    assertThat(Main.isAppOnly(new String[] {"features"})).isFalse();
    assertThat(Main.isAppOnly(new String[] {"--help"})).isFalse();
    assertThat(Main.isAppOnly(new String[] {"--workspace", "/w", "features"})).isFalse();
    // an app option missing its value is a usage error the CLI explains
    assertThat(Main.isAppOnly(new String[] {"--workspace"})).isFalse();
    assertThat(Main.isAppOnly(new String[] {"--dataset", "--workspace", "/w"})).isFalse();
  }
}
