package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One list of audio extensions, and it agrees with what the decoder does with a name. */
class AudioFilesTest {

  @Test
  void audioNamesAreRecognisedCaseInsensitively() {
    for (String name :
        new String[] {
          "a.wav",
          "b.WAV",
          "c.Aiff",
          "d.aifc",
          "e.flac",
          "f.mp3",
          "g.m4a",
          "h.aac",
          "i.wv",
          "j.caf",
          "k.au",
          "l.opus",
          "dotted.name.ogg"
        }) {
      assertThat(AudioFiles.isAudioFileName(name)).as(name).isTrue();
    }
    for (String name : new String[] {"notes.txt", ".wav", "wav", "x.", "x.wav.bak", "README"}) {
      assertThat(AudioFiles.isAudioFileName(name)).as(name).isFalse();
    }
  }

  @Test
  void everyListedNameIsOneTheDecoderWillTryAndNoOtherIs() {
    // Bytes that match no signature: the decoder then goes by the name alone.
    ByteBuffer unknown = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    for (String ext : AudioFiles.EXTENSIONS) {
      Path file = Path.of("clip." + ext);
      boolean tried =
          Signature.hasNativeExtension(file)
              || Signature.of(unknown, file).kind() == Signature.Kind.OTHER;
      assertThat(tried).as(ext).isTrue();
    }
    for (String ext : new String[] {"txt", "csv", "png", "bak"}) {
      Path file = Path.of("clip." + ext);
      assertThat(Signature.of(unknown, file).kind()).as(ext).isEqualTo(Signature.Kind.UNKNOWN);
      assertThat(Signature.hasNativeExtension(file)).as(ext).isFalse();
    }
  }
}
