package org.tkdworkbench.runs;

import java.nio.file.Path;

/**
 * One published checkpoint: {@code checkpoints/epoch-0007/}. Its folder exists only complete
 * (published by rename), so whatever the caller wrote into it is all there.
 *
 * @param epoch the epoch it was saved after
 * @param folder its folder
 */
public record Checkpoint(int epoch, Path folder) {}
