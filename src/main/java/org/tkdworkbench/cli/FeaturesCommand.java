package org.tkdworkbench.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tkdworkbench.audio.AudioClip;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.features.LogMelExtractor;
import org.tkdworkbench.workspace.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code features --input FILE --output OUT.csv}: the log-mel matrix of one file as CSV, a header
 * line ({@code mel_0,...}) then one line per frame. {@code --output -} writes to standard output.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = "Write the log-mel matrix of an audio file as CSV (one line per frame).")
final class FeaturesCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Audio file (WAV, AIFF; FLAC/OGG/MP3 with ffmpeg).")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "CSV file to write, or - for standard output.")
  String output;

  @Mixin FeatureOptions featureOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    FeatureSpec fs = featureOptions.toSpec();
    Outputs.notTheInput("--output", input, output);
    AudioClip clip;
    try {
      clip = new AudioDecoder().decode(input, fs.sampleRate());
    } catch (AudioDecodeException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return WorkbenchCommand.EXIT_FAILED;
    }
    float[][] logMel = new LogMelExtractor(fs).compute(clip.samples());
    if (output.equals("-")) {
      Writer w = spec.commandLine().getOut();
      writeCsv(logMel, fs.nMels(), w);
      w.flush();
    } else {
      // Atomic: an existing file is replaced only by a complete new one.
      try {
        AtomicFiles.write(Path.of(output), out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          writeCsv(logMel, fs.nMels(), w);
          w.flush();
        });
      } catch (IOException e) {
        spec.commandLine().getErr().println("error: cannot write " + output + ": " + AtomicFiles.describe(e));
        return WorkbenchCommand.EXIT_FAILED;
      }
      spec.commandLine().getErr().printf(
          "%s: %d frames x %d mels (%.3f s at %d Hz) -> %s%n",
          input.getFileName(), logMel.length, fs.nMels(), clip.durationSeconds(), fs.sampleRate(), output);
    }
    return 0;
  }

  static void writeCsv(float[][] m, int nMels, Writer w) throws IOException {
    StringBuilder line = new StringBuilder(nMels * 12);
    for (int j = 0; j < nMels; j++) {
      line.append(j == 0 ? "" : ",").append("mel_").append(j);
    }
    w.write(line.append('\n').toString());
    for (float[] frame : m) {
      line.setLength(0);
      for (int j = 0; j < frame.length; j++) {
        if (j > 0) {
          line.append(',');
        }
        line.append(frame[j]); // Float.toString: shortest text that reads back to the same float
      }
      w.write(line.append('\n').toString());
    }
  }
}
