package org.tkdworkbench.runs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes files into a folder the store gives (a temporary one, published by rename once this
 * returns), e.g. {@code dir -> model.save(dir, "student")}.
 */
@FunctionalInterface
public interface FolderContent {
  void writeTo(Path folder) throws IOException;
}
