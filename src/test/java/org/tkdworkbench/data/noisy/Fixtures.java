package org.tkdworkbench.data.noisy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Test audio written and read with Java Sound, independently of the code under test: tone bursts in
 * digital silence (keywords whose location and power are known exactly), white noise and tones
 * (noise of known power).
 */
final class Fixtures {
  private Fixtures() {}

  /** 16-bit codes of {@code x} (rounded, clamped), as Java Sound will store them. */
  static short[] quantise(double[] x) {
    short[] s = new short[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x[i] * 32768)));
    }
    return s;
  }

  static void writeWav(Path file, double[] x, int rate) throws IOException {
    short[] codes = quantise(x);
    ByteBuffer b = ByteBuffer.allocate(codes.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short c : codes) {
      b.putShort(c);
    }
    Files.createDirectories(file.getParent());
    AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(b.array()), f, codes.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
  }

  /** Samples of a 16-bit mono WAV as {@code code / 32768}, read by Java Sound. */
  static double[] readWav(Path file) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1 || f.isBigEndian()) {
        throw new IOException(file + ": expected 16-bit mono little-endian, found " + f);
      }
      ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      double[] x = new double[b.remaining() / 2];
      for (int i = 0; i < x.length; i++) {
        x[i] = b.getShort() / 32768.0;
      }
      return x;
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(e);
    }
  }

  static int rateOf(Path file) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
      return (int) in.getFormat().getSampleRate();
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(e);
    }
  }

  /** A sine burst of {@code amp} at {@code hz} over {@code [start, end)} in silence. */
  static double[] burst(int n, int start, int end, double hz, double amp, int rate) {
    double[] x = new double[n];
    for (int i = start; i < end; i++) {
      x[i] = amp * Math.sin(2 * Math.PI * hz * (i - start) / rate + 0.3);
    }
    return x;
  }

  static double[] white(int n, double rms, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.max(-0.99, Math.min(0.99, rms * r.nextGaussian()));
    }
    return x;
  }

  static double[] tone(int n, double hz, double amp, int rate) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = amp * Math.sin(2 * Math.PI * hz * i / rate);
    }
    return x;
  }

  /** A keyword clip to put in a fixture dataset. */
  record Kw(String id, double[] samples, String split) {}

  /** Writes a Speech Commands tree: the clips and the two split lists. */
  static Path dataset(Path root, int rate, List<Kw> clips) throws IOException {
    List<String> val = new ArrayList<>();
    List<String> test = new ArrayList<>();
    for (Kw k : clips) {
      writeWav(root.resolve(k.id()), k.samples(), rate);
      if (k.split().equals("validation")) {
        val.add(k.id());
      } else if (k.split().equals("test")) {
        test.add(k.id());
      }
    }
    Files.write(root.resolve("validation_list.txt"), val, StandardCharsets.UTF_8);
    Files.write(root.resolve("testing_list.txt"), test, StandardCharsets.UTF_8);
    return root;
  }

  /** Least-squares amplitudes of sin/cos at each of {@code hz} over {@code [from, to)}. */
  static double[][] fitSines(double[] y, int from, int to, int rate, double... hz) {
    int k = hz.length * 2;
    double[][] a = new double[k][k + 1];
    for (int i = from; i < to; i++) {
      double[] basis = new double[k];
      for (int j = 0; j < hz.length; j++) {
        basis[2 * j] = Math.sin(2 * Math.PI * hz[j] * i / rate);
        basis[2 * j + 1] = Math.cos(2 * Math.PI * hz[j] * i / rate);
      }
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          a[r][c] += basis[r] * basis[c];
        }
        a[r][k] += basis[r] * y[i];
      }
    }
    // Gauss-Jordan with partial pivoting on the small normal equations.
    for (int col = 0; col < k; col++) {
      int p = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[p][col])) {
          p = r;
        }
      }
      double[] t = a[col];
      a[col] = a[p];
      a[p] = t;
      for (int r = 0; r < k; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= k; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[][] out = new double[hz.length][2];
    for (int j = 0; j < hz.length; j++) {
      out[j][0] = a[2 * j][k] / a[2 * j][2 * j];
      out[j][1] = a[2 * j + 1][k] / a[2 * j + 1][2 * j + 1];
    }
    return out;
  }

  /** Mean power over {@code [from, to)} of {@code s·sin + c·cos} at {@code hz}. */
  static double sinePower(double s, double c, double hz, int from, int to, int rate) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      double v =
          s * Math.sin(2 * Math.PI * hz * i / rate) + c * Math.cos(2 * Math.PI * hz * i / rate);
      sum += v * v;
    }
    return sum / (to - from);
  }
}
