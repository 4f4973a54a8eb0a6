package org.tkdworkbench.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the golden files that {@code src/test/python/librosa_reference.py} writes into {@code
 * src/test/resources/features/} (layout documented at the top of that script).
 */
final class Golden {
  static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  /** One log-mel case: input samples, the spec, and librosa's {@code [frames][nMels]} output. */
  record Case(String name, float[] input, FeatureSpec spec, float[][] expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One filterbank: its parameters and librosa's dense {@code [nMels][1 + nFft/2]} weights. */
  record Bank(
      String name, int sampleRate, int nFft, int nMels, double fmin, Double fmax, float[][] w) {
    @Override
    public String toString() {
      return name;
    }
  }

  static JsonNode manifest() {
    try {
      return JSON.readTree(bytes("manifest.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (JsonNode c : manifest().get("cases")) {
      ByteBuffer in = le(bytes(c.get("input").asText()));
      float[] input = new float[in.remaining() / 2];
      for (int i = 0; i < input.length; i++) {
        input[i] = in.getShort() / 32768f;
      }
      FeatureSpec spec;
      try {
        spec = JSON.treeToValue(c.get("spec"), FeatureSpec.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int frames = c.get("frames").asInt();
      int mels = c.get("n_mels").asInt();
      ByteBuffer ex = le(bytes(c.get("expected").asText()));
      if (ex.remaining() != 4 * frames * mels) {
        throw new IllegalStateException(c.get("expected").asText() + ": wrong size");
      }
      float[][] expected = new float[frames][mels];
      for (float[] row : expected) {
        for (int m = 0; m < mels; m++) {
          row[m] = ex.getFloat();
        }
      }
      String name = c.get("signal").asText() + "@" + c.get("spec_name").asText();
      out.add(new Case(name, input, spec, expected));
    }
    return out;
  }

  static List<Bank> banks() {
    List<Bank> out = new ArrayList<>();
    for (JsonNode b : manifest().get("filterbanks")) {
      ByteBuffer buf = le(bytes(b.get("file").asText()));
      int nMels = buf.getInt();
      int nBins = buf.getInt();
      float[][] w = new float[nMels][nBins];
      for (float[] row : w) {
        int start = buf.getInt();
        int count = buf.getInt();
        for (int k = 0; k < count; k++) {
          row[start + k] = buf.getFloat();
        }
      }
      JsonNode fmax = b.get("fmax");
      out.add(
          new Bank(
              b.get("name").asText(),
              b.get("sample_rate").asInt(),
              b.get("n_fft").asInt(),
              b.get("n_mels").asInt(),
              b.get("fmin").asDouble(),
              fmax == null || fmax.isNull() ? null : fmax.asDouble(),
              w));
    }
    return out;
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] bytes(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/features/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing golden file features/" + name + ": run src/test/python/librosa_reference.py");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
