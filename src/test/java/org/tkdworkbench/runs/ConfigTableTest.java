package org.tkdworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.workspace.Json;

class ConfigTableTest {
  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void nestedKeysAreDottedAndDifferencesMarked() throws Exception {
    List<ConfigTable.Row> rows =
        ConfigTable.of(
            Arrays.asList(
                json("{\"student\":\"lstm-p\",\"lambda\":0.0,\"training\":{\"epochs\":15,\"lr\":0.001},\"teacher\":null}"),
                json("{\"student\":\"lstm-p\",\"lambda\":0.25,\"training\":{\"epochs\":15,\"lr\":0.001},\"knowledge\":\"k.npz\"}"),
                null));
    assertThat(rows).extracting(ConfigTable.Row::key)
        .containsExactly("student", "lambda", "training.epochs", "training.lr", "teacher", "knowledge");
    assertThat(rows.get(0).values()).containsExactly("lstm-p", "lstm-p", null);
    assertThat(rows.get(1).values()).containsExactly("0.0", "0.25", null);
    assertThat(rows.get(4).values()).containsExactly("", null, null);

    List<ConfigTable.Row> two = ConfigTable.of(List.of(json("{\"a\":{\"b\":1},\"c\":[1,2]}"), json("{\"a\":{\"b\":2},\"c\":[1,2]}")));
    assertThat(two).extracting(ConfigTable.Row::differs).containsExactly(true, false);
    assertThat(two.get(1).values()).containsExactly("[1,2]", "[1,2]");
    assertThat(ConfigTable.differencesOnly(two)).extracting(ConfigTable.Row::key).containsExactly("a.b");
  }
}
