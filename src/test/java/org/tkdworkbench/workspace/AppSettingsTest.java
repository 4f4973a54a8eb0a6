package org.tkdworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file: first start, round trip, a broken file, and where the workspace comes from. */
class AppSettingsTest {
  @TempDir Path tmp;

  @Test
  void aMissingFileIsAFirstStart() {
    AppSettings.Loaded l = AppSettings.load(tmp.resolve("none/settings.json"));
    assertThat(l.settings()).isEqualTo(AppSettings.defaults());
    assertThat(l.settings().showGuide()).isTrue();
    assertThat(l.problem()).isNull();
  }

  @Test
  void savedSettingsReadBackAndUnknownFieldsAreIgnored() throws Exception {
    Path file = tmp.resolve("cfg/tkd-workbench/settings.json");
    AppSettings s = AppSettings.defaults().withWorkspace("  /data/ws ").withShowGuide(false);
    s.save(file);
    assertThat(Files.readString(file)).contains("\"workspace\" : \"/data/ws\"").contains("\"show_guide\" : false");
    assertThat(AppSettings.load(file)).isEqualTo(new AppSettings.Loaded(new AppSettings("/data/ws", false, null), null));

    Files.writeString(file, "{\"workspace\": \"/w\", \"show_guide\": true, \"window\": {\"width\": 900}}");
    assertThat(AppSettings.load(file).settings()).isEqualTo(new AppSettings("/w", true, null));
    assertThat(AppSettings.defaults().withWorkspace(" ").workspace()).as("blank is the default").isNull();
    Files.writeString(file, "{\"workspace\": \"/w\"}");
    assertThat(AppSettings.load(file).settings().showGuide()).as("no show_guide: the guide is shown").isTrue();
    assertThat(AppSettings.load(file).settings().engine()).as("no engine: the default").isNull();
    AppSettings.defaults().withEngine("PyTorch").save(file);
    assertThat(Files.readString(file)).contains("\"engine\" : \"PyTorch\"");
    assertThat(AppSettings.load(file).settings().engine()).isEqualTo("PyTorch");
  }

  @Test
  void aBrokenFileGivesTheDefaultsAndSaysWhichFileAndWhyAndIsLeftAlone() throws Exception {
    Path file = tmp.resolve("settings.json");
    Files.writeString(file, "{ \"workspace\": ");
    AppSettings.Loaded l = AppSettings.load(file);
    assertThat(l.settings()).isEqualTo(AppSettings.defaults());
    assertThat(l.problem()).contains(file.toString()).contains("not valid settings JSON");
    assertThat(Files.readString(file)).isEqualTo("{ \"workspace\": ");
  }

  @Test
  void theFileFollowsXdgConfigHome() {
    Path home = Path.of("/home/u");
    assertThat(AppSettings.defaultFile(Map.of(), home)).isEqualTo(Path.of("/home/u/.config/tkd-workbench/settings.json"));
    assertThat(AppSettings.defaultFile(Map.of("XDG_CONFIG_HOME", "/cfg"), home)).isEqualTo(Path.of("/cfg/tkd-workbench/settings.json"));
    assertThat(AppSettings.defaultFile(Map.of("XDG_CONFIG_HOME", "relative"), home))
        .as("the spec says to ignore a relative path").isEqualTo(Path.of("/home/u/.config/tkd-workbench/settings.json"));
  }

  @Test
  void theWorkspaceIsTheArgumentThenTheEnvironmentThenTheSettingsThenTheDefault() {
    Path home = Path.of("/home/u");
    Map<String, String> env = Map.of(Workspace.ENV, "/env-ws");
    assertThat(Workspace.resolve(Path.of("/arg-ws"), env, home, "/set-ws").root()).isEqualTo(Path.of("/arg-ws"));
    assertThat(Workspace.resolve(null, env, home, "/set-ws").root()).isEqualTo(Path.of("/env-ws"));
    assertThat(Workspace.resolve(null, Map.of(), home, "/set-ws").root()).isEqualTo(Path.of("/set-ws"));
    assertThat(Workspace.resolve(null, Map.of(), home, null).root()).isEqualTo(Path.of("/home/u/tkd-workspace"));
  }
}
