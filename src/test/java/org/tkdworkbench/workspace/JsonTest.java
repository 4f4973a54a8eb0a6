package org.tkdworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Stamped(String name, Instant at) {}

  @Test
  void instantsAreIsoStringsBothWays() throws Exception {
    Stamped s = new Stamped("a", Instant.parse("2025-01-31T12:00:00.5Z"));
    String json = Json.mapper().writeValueAsString(s);
    assertThat(json).contains("\"2025-01-31T12:00:00.500Z\"");
    assertThat(Json.mapper().readValue(json, Stamped.class)).isEqualTo(s);
    assertThatThrownBy(
            () -> Json.mapper().readValue("{\"name\":\"a\",\"at\":\"yesterday\"}", Stamped.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void theStrictMapperRejectsUnknownFieldsTheTolerantOneIgnoresThem() throws Exception {
    String json = "{\"name\":\"a\",\"at\":null,\"later\":1}";
    assertThatThrownBy(() -> Json.mapper().readValue(json, Stamped.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("later");
    assertThat(Json.tolerant().readValue(json, Stamped.class)).isEqualTo(new Stamped("a", null));
  }
}
