package org.tkdworkbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Snapshots of nodes for pixel assertions, optionally saved under target/ui-snapshots. */
public final class Snapshots {
  private Snapshots() {}

  /** Takes a snapshot of {@code node} on the FX thread and waits for it. */
  public static WritableImage of(Node node) {
    AtomicReference<WritableImage> img = new AtomicReference<>();
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> img.set(node.snapshot(null, null)));
    return img.get();
  }

  public static int distinctColours(Image img) {
    PixelReader r = img.getPixelReader();
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        seen.add(r.getArgb(x, y));
      }
    }
    return seen.size();
  }

  /** Mean luma (0..255) of row {@code y}. */
  public static double rowLuma(Image img, int y) {
    PixelReader r = img.getPixelReader();
    double sum = 0;
    int w = (int) img.getWidth();
    for (int x = 0; x < w; x++) {
      int c = r.getArgb(x, y);
      sum += 0.2126 * ((c >> 16) & 0xff) + 0.7152 * ((c >> 8) & 0xff) + 0.0722 * (c & 0xff);
    }
    return sum / w;
  }

  /** Saves {@code img} as target/ui-snapshots/{@code name}.png for a person to look at. */
  public static void save(Image img, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "ui-snapshots"));
      ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    } catch (IOException | RuntimeException e) {
      System.err.println("could not save snapshot " + name + ": " + e);
    }
  }
}
