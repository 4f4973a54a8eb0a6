package org.tkdworkbench.workspace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The project's one Jackson configuration (STYLE: "JSON via one Jackson mapper"), so every file the
 * workbench writes looks the same and reads back the same.
 *
 * <p>{@link #mapper()} is strict: unknown fields are errors, as run configs need (a typo in a
 * hand-edited config must not be ignored). {@link #tolerant()} ignores unknown fields, for files
 * that newer versions may extend (the dataset registry). Both write indented JSON, {@link Instant}s
 * as ISO-8601 strings ({@code 2025-01-31T12:00:00Z}; done here because the JSR-310 module is not a
 * dependency) and keep map keys in the map's order. Mappers are thread-safe once configured.
 */
public final class Json {
  private static final ObjectMapper STRICT = build(true);
  private static final ObjectMapper TOLERANT = build(false);

  private Json() {}

  /** Rejects unknown fields. */
  public static ObjectMapper mapper() {
    return STRICT;
  }

  /** Ignores unknown fields (forward compatibility). */
  public static ObjectMapper tolerant() {
    return TOLERANT;
  }

  private static ObjectMapper build(boolean strict) {
    SimpleModule time = new SimpleModule("tkd-instant");
    time.addSerializer(Instant.class, new InstantSerializer());
    time.addDeserializer(Instant.class, new InstantDeserializer());
    return JsonMapper.builder()
        .addModule(time)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText().strip();
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return (Instant)
            ctxt.handleWeirdStringValue(
                Instant.class, text, "not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
      }
    }
  }
}
