package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds tiny datasets in each published layout, with real 16-bit PCM WAVs written byte by byte
 * here (independent of the decoder under test) and planted bad files. Public so the CLI tests can
 * use the same fixtures.
 */
public final class DatasetFixtures {
  private DatasetFixtures() {}

  /** A mono 16-bit PCM WAV of a 440 Hz tone, {@code seconds} long at {@code rate}. */
  public static Path wav(Path file, double seconds, int rate) throws IOException {
    int frames = (int) Math.round(seconds * rate);
    ByteBuffer d = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      d.putShort((short) Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * 440 * i / rate)));
    }
    return write(file, header(rate, frames * 2), d.array());
  }

  /** A one-second 16 kHz WAV. */
  public static Path wav(Path file) throws IOException {
    return wav(file, 1.0, 16000);
  }

  /** 0 bytes with a .wav name. */
  public static Path empty(Path file) throws IOException {
    return write(file, new byte[0]);
  }

  /** Text with a .wav name. */
  public static Path text(Path file) throws IOException {
    return write(
        file,
        "this is not audio, just a note someone saved as .wav\n".getBytes(StandardCharsets.UTF_8));
  }

  /** A WAV whose header promises one second but whose data stops after 0.1 s. */
  public static Path truncated(Path file) throws IOException {
    byte[] data = new byte[3200];
    return write(file, header(16000, 32000), data);
  }

  public static Path textFile(Path file, String... lines) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, List.of(lines), StandardCharsets.UTF_8);
  }

  private static byte[] header(int rate, int dataBytes) {
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
    h.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    h.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    h.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
    h.putShort((short) 2).putShort((short) 16);
    h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
    return h.array();
  }

  private static Path write(Path file, byte[]... parts) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer all = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      all.put(p);
    }
    return Files.write(file, all.array());
  }

  // ------------------------------------------------------------------ layouts

  /**
   * ESC-50 as published: {@code meta/esc50.csv} and {@code audio/}. Two classes (dog, rain), one
   * clip per class and fold (10 good clips), plus planted rows: a duplicate row, a fold 9, a
   * missing file, a {@code ../../outside.wav} (audio/ is one level down), a text file named .wav,
   * and one unlisted audio file.
   */
  public static void esc50(Path root) throws IOException {
    StringBuilder csv = new StringBuilder("filename,fold,target,category,esc10,src_file,take\n");
    for (int fold = 1; fold <= 5; fold++) {
      String dog = fold + "-100032-A-0.wav";
      String rain = fold + "-17367-A-10.wav";
      wav(root.resolve("audio/" + dog), 5.0, 44100 / 10); // 5 s, small rate to keep files small
      wav(root.resolve("audio/" + rain), 5.0, 44100 / 10);
      csv.append(dog).append(',').append(fold).append(",0,dog,True,100032,A\n");
      csv.append(rain).append(',').append(fold).append(",10,rain,True,17367,A\n");
    }
    csv.append("1-100032-A-0.wav,1,0,dog,True,100032,A\n"); // line 12: duplicate
    csv.append("1-9999-A-0.wav,9,0,dog,True,9999,A\n"); // line 13: fold 9
    csv.append("2-404-A-0.wav,2,0,dog,True,404,A\n"); // line 14: missing
    csv.append("../../outside.wav,3,0,dog,True,1,A\n"); // line 15: leaves the root
    csv.append("4-555-A-10.wav,4,10,rain,True,555,A\n"); // line 16: text named .wav
    text(root.resolve("audio/4-555-A-10.wav"));
    wav(root.toAbsolutePath().getParent().resolve("outside.wav"));
    wav(root.resolve("audio/5-unlisted-A-0.wav"));
    textFile(root.resolve("meta/esc50.csv"), csv.toString().strip());
  }

  /**
   * FSD50K as published: ground truth CSVs with quoted comma-separated labels, vocabulary without
   * header, audio in dev/eval folders. Planted: a label not in the vocabulary, a missing file, a
   * bad split, an empty .wav and a truncated .wav.
   */
  public static void fsd50k(Path root) throws IOException {
    textFile(
        root.resolve("FSD50K.ground_truth/vocabulary.csv"),
        "0,Bark,/m/05tny_",
        "1,Dog,/m/0bt9lr",
        "2,Domestic_animals_and_pets,/m/068hy",
        "3,Rain,/m/06mb1",
        "4,Guitar,/m/0342h",
        "5,Music,/m/04rlf");
    textFile(
        root.resolve("FSD50K.ground_truth/dev.csv"),
        "fname,labels,mids,split",
        "64760,\"Bark,Dog,Domestic_animals_and_pets\",\"/m/05tny_,/m/0bt9lr,/m/068hy\",train",
        "16399,Rain,/m/06mb1,train",
        "16400,\"Guitar,Music\",\"/m/0342h,/m/04rlf\",val",
        "16401,\"Guitar,Banjo_typo\",\"/m/0342h,/m/x\",train",
        "16402,Rain,/m/06mb1,train",
        "16403,Rain,/m/06mb1,holdout",
        "16404,Music,/m/04rlf,train",
        "16405,Music,/m/04rlf,train");
    textFile(
        root.resolve("FSD50K.ground_truth/eval.csv"),
        "fname,labels,mids",
        "37199,\"Music,Guitar\",\"/m/04rlf,/m/0342h\"",
        "21914,Rain,/m/06mb1");
    wav(root.resolve("FSD50K.dev_audio/64760.wav"), 2.0, 44100 / 10);
    wav(root.resolve("FSD50K.dev_audio/16399.wav"), 0.5, 44100 / 10);
    wav(root.resolve("FSD50K.dev_audio/16400.wav"), 3.0, 44100 / 10);
    wav(root.resolve("FSD50K.dev_audio/16401.wav"));
    // 16402 missing
    wav(root.resolve("FSD50K.dev_audio/16403.wav"));
    empty(root.resolve("FSD50K.dev_audio/16404.wav"));
    truncated(root.resolve("FSD50K.dev_audio/16405.wav"));
    wav(root.resolve("FSD50K.eval_audio/37199.wav"), 1.0, 44100 / 10);
    wav(root.resolve("FSD50K.eval_audio/21914.wav"), 1.0, 44100 / 10);
  }

  /**
   * Speech Commands v2 style: two words, split lists, {@code _background_noise_} with one noise
   * file and its README.
   */
  public static void speechCommands(Path root) throws IOException {
    for (String w : List.of("yes", "no")) {
      for (int i = 0; i < 3; i++) {
        wav(root.resolve(w + "/0a7c2a8d_nohash_" + i + ".wav"));
      }
    }
    wav(root.resolve("_background_noise_/white_noise.wav"), 2.0, 16000);
    textFile(root.resolve("_background_noise_/README.md"), "noise");
    textFile(
        root.resolve("validation_list.txt"),
        "yes/0a7c2a8d_nohash_1.wav",
        "no/0a7c2a8d_nohash_1.wav");
    textFile(
        root.resolve("testing_list.txt"), "yes/0a7c2a8d_nohash_2.wav", "no/0a7c2a8d_nohash_2.wav");
    textFile(root.resolve("LICENSE"), "CC-BY-4.0");
  }
}
