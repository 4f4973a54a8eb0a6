package org.tkdworkbench.runs;

import java.nio.file.Path;

/** A child JVM for {@link RunStoreKillTest}: prints the state another process reads for a run. */
public final class PrintState {
  private PrintState() {}

  public static void main(String[] args) throws Exception {
    System.out.println("state=" + RunStore.read(Path.of(args[0])).status().state().id());
  }
}
