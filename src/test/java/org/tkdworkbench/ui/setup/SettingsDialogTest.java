package org.tkdworkbench.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The workspace field reads ~ as a shell would; anything else is kept as typed (then checked). */
class SettingsDialogTest {
  @Test
  void aTildeIsTheHomeFolder() {
    String home = System.getProperty("user.home");
    assertThat(SettingsDialog.expandHome("~")).isEqualTo(home);
    assertThat(SettingsDialog.expandHome(" ~/work/ws ")).isEqualTo(home + "/work/ws");
    assertThat(SettingsDialog.expandHome("/data/ws")).isEqualTo("/data/ws");
    assertThat(SettingsDialog.expandHome("~other/ws")).as("another user's home is not guessed").isEqualTo("~other/ws");
    assertThat(SettingsDialog.expandHome(null)).isEmpty();
  }
}
